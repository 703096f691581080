import { createHash } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as jose,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  type RemoteJWKSet,
} from 'jose';
import type { Principal } from './auth.js';
import type { RuntimeConfig } from './config.js';
import { errors } from './errors.js';

/** The JWT settings of {@link RuntimeConfig} a verifier needs. */
type JwtSettings = Pick<
  RuntimeConfig,
  | 'jwtJwksFile'
  | 'jwtJwksUrl'
  | 'jwtIssuer'
  | 'jwtAudience'
  | 'jwtRequiredScope'
  | 'jwtSubjectClaim'
  | 'jwtTenantClaim'
  | 'jwtMaxLifetimeSeconds'
  | 'jwtClockToleranceSeconds'
>;
/** Settings once the issuer and audience are known to be set. */
type TrustSettings = JwtSettings & { readonly jwtIssuer: string; readonly jwtAudience: string };

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
const EC_ALGORITHMS: Readonly<Record<string, readonly string[]>> = {
  'P-256': ['ES256'],
  'P-384': ['ES384'],
  'P-521': ['ES512'],
};
const OKP_ALGORITHMS: Readonly<Record<string, readonly string[]>> = { Ed25519: ['EdDSA', 'Ed25519'] };
/** Every algorithm some public key may verify: a remote set is only known once fetched. */
const SIGNATURE_ALGORITHMS = [
  ...RSA_ALGORITHMS,
  ...Object.values(EC_ALGORITHMS).flat(),
  ...Object.values(OKP_ALGORITHMS).flat(),
];

/** Longest subject or tenant accepted (characters), so ids stay short in Redis keys and logs. */
export const MAX_CLAIM_VALUE_LENGTH = 256;

/**
 * The signature algorithms a JWK may verify: the family its key type and curve allow (RSA: RS*
 * and PS*; EC: the one ES* of its curve; OKP Ed25519: EdDSA), narrowed to its `alg` when it
 * declares one. Keys for encryption, symmetric (`oct`) keys and unknown types verify nothing, so
 * neither `none` nor HMAC with a public key's bytes as the secret can ever pass.
 */
export function algorithmsOf(jwk: JWK): string[] {
  if (jwk.use !== undefined && jwk.use !== 'sig') return [];
  const family = familyOf(jwk);
  return jwk.alg === undefined ? [...family] : family.filter((alg) => alg === jwk.alg);
}

function familyOf(jwk: JWK): readonly string[] {
  switch (jwk.kty) {
    case 'RSA':
      return RSA_ALGORITHMS;
    case 'EC':
      return EC_ALGORITHMS[jwk.crv ?? ''] ?? [];
    case 'OKP':
      return OKP_ALGORITHMS[jwk.crv ?? ''] ?? [];
    default:
      return [];
  }
}

/** The algorithms any key of the set may verify, in the order the keys list them. */
export function acceptedAlgorithms(set: JSONWebKeySet): string[] {
  return [...new Set(set.keys.flatMap(algorithmsOf))];
}

/**
 * A caller id unique across issuers and claims, safe in Redis keys and log lines:
 * `jwt:<namespace>/<value>`, where the namespace is the first 12 hex digits of SHA-256 over the
 * issuer and the claim name, and the value is the claim with every character outside
 * `A-Z a-z 0-9 . _ ~ : @ | + = -` percent-encoded. The digest keeps issuer URLs out of every key at a
 * fixed length, and tells `alice` of one identity provider from `alice` of another (or of another
 * claim) when an AIModel moves between them while sessions live on; the value stays readable so an
 * operator can tell callers apart in the logs. Encoding `%`, `{`, `}` and `/` keeps the mapping
 * one-to-one and Redis Cluster hash tags intact. Example: issuer `https://auth.suoke.life`, claim
 * `sub`, value `system:serviceaccount:suoke-ai:xiaoke` →
 * `jwt:<12 hex>/system:serviceaccount:suoke-ai:xiaoke`.
 */
export function scopedId(issuer: string, claim: string, value: string): string {
  const namespace = createHash('sha256').update(`${issuer}\n${claim}`, 'utf8').digest('hex').slice(0, 12);
  return `jwt:${namespace}/${value.replace(/[^A-Za-z0-9._~:@|+=-]/gu, encodeURIComponent)}`;
}

/** The claim as a string fit for an id, or undefined (absent, not a string, empty, too long, malformed). */
function claimValue(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  if (typeof value !== 'string' || value === '' || value.length > MAX_CLAIM_VALUE_LENGTH) return undefined;
  // A lone surrogate has no UTF-8 form; encoding it would throw.
  return /\p{Cs}/u.test(value) ? undefined : value;
}

/**
 * Bearer JWTs checked against a JWKS: the signature with an algorithm the keys allow, the issuer
 * and audience (both required by the configuration), an `exp` no further away than the maximum
 * lifetime, a subject claim naming the caller, the tenant claim when configured, and the required
 * scope. Every refusal is a 401 saying what is wrong (a missing scope is 403).
 */
export class JwtVerifier {
  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly algorithms: readonly string[],
    private readonly settings: TrustSettings,
    private readonly now: () => number,
  ) {}

  /** A verifier when a JWKS is configured; throws naming the variable when the key set is unusable. */
  static fromConfig(
    settings: JwtSettings,
    readFile: (path: string) => string,
    now: () => number,
  ): JwtVerifier | undefined {
    if (settings.jwtJwksFile === undefined && settings.jwtJwksUrl === undefined) return undefined;
    const trust = withIssuerAndAudience(settings);
    if (settings.jwtJwksFile !== undefined) {
      const set = readKeySet(settings.jwtJwksFile, readFile);
      return new JwtVerifier(createLocalJWKSet(set), acceptedAlgorithms(set), trust, now);
    }
    const remote = createRemoteJWKSet(new URL(settings.jwtJwksUrl as string));
    return new JwtVerifier(restrictToDeclared(remote), SIGNATURE_ALGORITHMS, trust, now);
  }

  /** The caller the token names, or a 401/403 ApiError. */
  async verify(token: string): Promise<Principal> {
    const payload = await this.verifiedPayload(token);
    const lifetimeIssue = this.lifetimeIssue(payload);
    if (lifetimeIssue !== undefined) throw errors.invalidToken(lifetimeIssue);
    const scope = this.settings.jwtRequiredScope;
    if (scope !== undefined && !scopesOf(payload).includes(scope)) {
      throw errors.forbidden(`The token lacks the scope '${scope}' this model requires.`);
    }
    return this.principalOf(payload);
  }

  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const { jwtIssuer, jwtAudience, jwtClockToleranceSeconds } = this.settings;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [...this.algorithms],
        issuer: jwtIssuer,
        audience: jwtAudience,
        requiredClaims: ['exp'],
        clockTolerance: jwtClockToleranceSeconds,
        currentDate: new Date(this.now()),
      });
      return payload;
    } catch (error) {
      // Our side failed, not the token: the caller retries the same token later.
      if (error instanceof KeySetUnavailable) throw errors.keySetUnavailable(error.cause);
      throw errors.invalidToken(describeFailure(error), error);
    }
  }

  /**
   * Why a token outlives the maximum lifetime, or undefined. Both bounds hold: the lifetime the
   * issuer gave it (`exp - iat`), and what is left of it (`exp - now`, with the clock tolerance),
   * so a token with an `iat` in the future or none at all cannot stretch its validity.
   */
  private lifetimeIssue(payload: JWTPayload): string | undefined {
    const { jwtMaxLifetimeSeconds: max, jwtClockToleranceSeconds: tolerance } = this.settings;
    const exp = payload.exp as number;
    const limit = `longer than the ${max} s this model accepts; request a shorter-lived token`;
    if (payload.iat !== undefined && exp - payload.iat > max) {
      return `it is valid for ${Math.round(exp - payload.iat)} s from its 'iat', ${limit}.`;
    }
    const remaining = exp - this.now() / 1000;
    if (remaining > max + tolerance) return `it stays valid for ${Math.round(remaining)} s, ${limit}.`;
    return undefined;
  }

  private principalOf(payload: JWTPayload): Principal {
    const { jwtIssuer: issuer, jwtSubjectClaim, jwtTenantClaim } = this.settings;
    const subject = claimValue(payload, jwtSubjectClaim);
    if (subject === undefined) {
      throw errors.invalidToken(
        `it has no '${jwtSubjectClaim}' claim naming the caller (a string of 1 to ${MAX_CLAIM_VALUE_LENGTH} characters); request a token issued to a subject.`,
      );
    }
    const principal = { id: scopedId(issuer, jwtSubjectClaim, subject), kind: 'jwt' as const };
    if (jwtTenantClaim === undefined) return principal;
    const tenant = claimValue(payload, jwtTenantClaim);
    if (tenant === undefined) {
      throw errors.invalidToken(
        `it has no '${jwtTenantClaim}' claim naming the caller's tenant (a string of 1 to ${MAX_CLAIM_VALUE_LENGTH} characters); request a token that carries it.`,
      );
    }
    return { ...principal, tenant: scopedId(issuer, jwtTenantClaim, tenant) };
  }
}

/** What the client reads about a failed verification; never the expected issuer or audience. */
function describeFailure(error: unknown): string {
  if (error instanceof jose.JWTExpired) return 'it has expired; request a new one.';
  if (error instanceof jose.JWTClaimValidationFailed) {
    if (error.claim === 'exp') return "it has no valid 'exp' claim; tokens must expire.";
    if (error.claim === 'iss') return 'it was not issued by the issuer this model trusts.';
    if (error.claim === 'aud') return "its 'aud' claim does not name this model.";
    if (error.claim === 'nbf') return "it is not valid yet (its 'nbf' claim).";
    return `its '${error.claim}' claim is invalid.`;
  }
  if (error instanceof jose.JOSEAlgNotAllowed) {
    return "its signature algorithm ('alg') is not one the keys this model trusts declare.";
  }
  if (
    error instanceof jose.JWSSignatureVerificationFailed ||
    error instanceof jose.JWKSNoMatchingKey ||
    error instanceof jose.JWKSMultipleMatchingKeys
  ) {
    return 'its signature does not verify with a key this model trusts.';
  }
  return 'it is not a signed JWT this model can verify.';
}

/** Without both, any token the key set signs would do: loadConfig refuses that, and so does this. */
function withIssuerAndAudience(settings: JwtSettings): TrustSettings {
  const { jwtIssuer, jwtAudience } = settings;
  if (jwtIssuer === undefined || jwtAudience === undefined) {
    throw new Error('JWT_ISSUER and JWT_AUDIENCE are required when JWT_JWKS_FILE or JWT_JWKS_URL is set');
  }
  return { ...settings, jwtIssuer, jwtAudience };
}

/** The JWKS file, checked so a key set that could never verify a token stops the start. */
function readKeySet(path: string, readFile: (path: string) => string): JSONWebKeySet {
  let set: JSONWebKeySet;
  try {
    set = JSON.parse(readFile(path)) as JSONWebKeySet;
    createLocalJWKSet(set);
  } catch (error) {
    throw new Error(`JWT_JWKS_FILE (${path}) is not a JSON Web Key Set: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const secret = set.keys.find((key) => key.d !== undefined || key.k !== undefined);
  if (secret !== undefined) {
    throw new Error(
      `JWT_JWKS_FILE (${path}): key ${secret.kid !== undefined ? `'${secret.kid}' ` : ''}holds private or secret material ('d' or 'k'); mount the issuer's public key set only`,
    );
  }
  if (acceptedAlgorithms(set).length === 0) {
    throw new Error(
      `JWT_JWKS_FILE (${path}) holds no public signing key; it needs RSA, EC (P-256, P-384, P-521) or OKP Ed25519 keys whose 'use' is 'sig' or unset`,
    );
  }
  return set;
}

/** The remote key set could not be fetched or read: no token can be judged, good or bad. */
class KeySetUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the JSON Web Key Set could not be fetched: ${(cause as Error).message}`, { cause });
    this.name = 'KeySetUnavailable';
  }
}

/**
 * A remote key set whose tokens must use an algorithm the fetched keys declare. A key set that cannot
 * be fetched (unreachable, not 200, timed out, not a key set) is the runtime's failure, not the
 * caller's: it is answered 503, not 401, so a client does not throw away a good token.
 */
function restrictToDeclared(remote: RemoteJWKSet): JWTVerifyGetKey {
  return async (header, token) => {
    let key: Awaited<ReturnType<RemoteJWKSet>>;
    try {
      key = await remote(header, token);
    } catch (error) {
      if (error instanceof jose.JWKSNoMatchingKey || error instanceof jose.JWKSMultipleMatchingKeys)
        throw error;
      throw new KeySetUnavailable(error);
    }
    const fetched = remote.jwks();
    if (fetched === undefined || !acceptedAlgorithms(fetched).includes(header.alg ?? '')) {
      throw new jose.JOSEAlgNotAllowed(`"alg" (${header.alg}) is not declared by the key set`);
    }
    return key;
  };
}

function scopesOf(payload: JWTPayload): string[] {
  const scope = payload.scope ?? payload.scp;
  if (typeof scope === 'string') return scope.split(' ');
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  return [];
}

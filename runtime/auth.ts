import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { RuntimeConfig } from './config.js';
import { errors } from './errors.js';
import { JwtVerifier } from './jwt-verifier.js';

/** Who is calling; `id` keys sessions and rate limits and appears in logs (never the key itself). */
export interface Principal {
  /** The key's name, `jwt:<namespace>/<subject>` for a token (see `scopedId`), or `anonymous`. */
  readonly id: string;
  readonly kind: 'api-key' | 'jwt' | 'anonymous';
  /**
   * The organisation the caller belongs to, when its credentials say (a token's JWT_TENANT_CLAIM,
   * scoped like `id`; never for API keys); CACHE_SCOPE=tenant shares by it.
   */
  readonly tenant?: string;
}

interface StoredKey {
  readonly digest: Buffer;
  readonly name: string;
}

const SHA256_HEX = /^sha256:([0-9a-f]{64})$/i;
/** Token callers' ids start with this; a key named so could take over a token caller's sessions. */
const JWT_ID_PREFIX = 'jwt:';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Parses an API keys file (a mounted Secret): one key per line as `<key> [name]` or
 * `sha256:<hex> [name]`; blank lines and `#` comments ignored. Only SHA-256 digests are kept in
 * memory. Throws naming the file and line.
 */
export function parseApiKeys(text: string, source = 'API_KEYS_FILE'): StoredKey[] {
  const keys: StoredKey[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [secret, name, extra] = line.split(/\s+/);
    if (secret === undefined || extra !== undefined) {
      throw new Error(`${source} line ${index + 1}: expected '<key> [name]' or 'sha256:<hex> [name]'`);
    }
    const hashed = SHA256_HEX.exec(secret);
    if (secret.toLowerCase().startsWith('sha256:') && hashed === null) {
      throw new Error(`${source} line ${index + 1}: 'sha256:' must be followed by 64 hex digits`);
    }
    if (name?.toLowerCase().startsWith(JWT_ID_PREFIX)) {
      throw new Error(
        `${source} line ${index + 1}: the name '${name}' starts with '${JWT_ID_PREFIX}', which is reserved for token callers; rename the key`,
      );
    }
    const digest = hashed !== null ? Buffer.from(hashed[1] as string, 'hex') : sha256(secret);
    keys.push({ digest, name: name ?? `key-${digest.toString('hex').slice(0, 12)}` });
  });
  if (keys.length === 0) throw new Error(`${source} holds no keys; add one per line or unset API_KEYS_FILE`);
  return keys;
}

/** How often the API keys file is checked for a rotated Secret (milliseconds). */
export const API_KEYS_RECHECK_MS = 10_000;

/** Where the API keys come from, so a rotated Secret is picked up without a restart. */
interface KeySource {
  readonly path: string;
  readonly read: (path: string) => string;
  readonly mtimeOf: (path: string) => number;
  readonly now: () => number;
}

/** Options for {@link Authenticator.fromConfig}. */
export interface AuthenticatorOptions {
  /** Reads mounted files. @default fs.readFileSync */
  readonly readFile?: (path: string) => string;
  /** Modification time of a file (ms), to notice Secret rotation. @default fs.statSync().mtimeMs */
  readonly mtimeOf?: (path: string) => number;
  /** Clock (epoch ms). @default Date.now */
  readonly now?: () => number;
}

/**
 * API keys and JWTs from `Authorization: Bearer …`. Auth is required as soon as API_KEYS_FILE or a
 * JWKS is configured; otherwise every caller is anonymous (for a runtime only reachable in-mesh).
 * Keys are compared as SHA-256 digests in constant time, so neither the file nor timing leaks them.
 * The keys file is re-read when its modification time changes (checked at most every
 * {@link API_KEYS_RECHECK_MS}), because Kubernetes updates mounted Secrets in place; a rotated file
 * that does not parse leaves the previous keys in force rather than locking everyone out.
 */
export class Authenticator {
  private keysVersion = 0;
  private keysCheckedAt = 0;

  private constructor(
    private keys: readonly StoredKey[],
    private readonly keySource: KeySource | undefined,
    private readonly jwt: JwtVerifier | undefined,
  ) {
    if (keySource !== undefined) {
      this.keysVersion = keySource.mtimeOf(keySource.path);
      this.keysCheckedAt = keySource.now();
    }
  }

  static fromConfig(config: RuntimeConfig, options: AuthenticatorOptions = {}): Authenticator {
    const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
    let keys: StoredKey[] = [];
    let keySource: KeySource | undefined;
    if (config.apiKeysFile !== undefined) {
      try {
        keys = parseApiKeys(readFile(config.apiKeysFile), `API_KEYS_FILE (${config.apiKeysFile})`);
      } catch (error) {
        throw new Error(`API_KEYS_FILE: ${(error as Error).message}`, { cause: error });
      }
      keySource = {
        path: config.apiKeysFile,
        read: readFile,
        mtimeOf: options.mtimeOf ?? ((p: string) => statSync(p).mtimeMs),
        now: options.now ?? Date.now,
      };
    }
    const jwt = JwtVerifier.fromConfig(config, readFile, options.now ?? Date.now);
    return new Authenticator(keys, keySource, jwt);
  }

  private refreshKeys(): void {
    const source = this.keySource;
    if (source === undefined || source.now() - this.keysCheckedAt < API_KEYS_RECHECK_MS) return;
    this.keysCheckedAt = source.now();
    try {
      const version = source.mtimeOf(source.path);
      if (version === this.keysVersion) return;
      this.keys = parseApiKeys(source.read(source.path));
      this.keysVersion = version;
    } catch {
      // Mid-rotation or broken file: keep the keys that worked; try again at the next check.
    }
  }

  get required(): boolean {
    return this.keys.length > 0 || this.jwt !== undefined;
  }

  /** The caller, or a 401/403 ApiError. */
  async authenticate(req: IncomingMessage): Promise<Principal> {
    if (!this.required) return { id: `anonymous`, kind: 'anonymous' };
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw errors.missingCredentials();
    const token = match[1] as string;
    if (this.jwt !== undefined && JWT_SHAPE.test(token)) return this.jwt.verify(token);
    this.refreshKeys();
    const digest = sha256(token);
    let found: StoredKey | undefined;
    // Compare against every key (no early exit) so timing says nothing about which one matched.
    for (const key of this.keys) if (timingSafeEqual(key.digest, digest)) found = key;
    if (found === undefined) throw errors.invalidCredentials();
    return { id: found.name, kind: 'api-key' };
  }
}

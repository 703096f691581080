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
  /**
   * The key's token budget (options of its line in the API keys file); none for keys without
   * options, for token (JWT) callers and for anonymous ones.
   */
  readonly budget?: TokenBudget;
}

/** Tokens (prompt + completion) a key may spend per UTC calendar day and month (chat-budget.ts). */
export interface TokenBudget {
  readonly tokensPerDay?: number;
  readonly tokensPerMonth?: number;
}

interface StoredKey {
  readonly digest: Buffer;
  readonly name: string;
  readonly budget?: TokenBudget;
}

/** The options a key's line may carry after its name, and the budget field each one sets. */
const BUDGET_OPTIONS: Readonly<Record<string, keyof TokenBudget>> = {
  'tokens-per-day': 'tokensPerDay',
  'tokens-per-month': 'tokensPerMonth',
};
/** What an option's name looks like, so a misplaced key (base64 may end in `=`) is never quoted. */
const OPTION_NAME = /^[a-z]+(-[a-z]+)*$/;
const LINE_FORMAT =
  "'<key> [name] [tokens-per-day=<n>] [tokens-per-month=<n>]' (or 'sha256:<hex>' in place of the key)";

const SHA256_HEX = /^sha256:([0-9a-f]{64})$/i;
/** Token callers' ids start with this; a key named so could take over a token caller's sessions. */
const JWT_ID_PREFIX = 'jwt:';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Parses an API keys file (a mounted Secret): one key per line as `<key> [name] [options]` or
 * `sha256:<hex> [name] [options]`; blank lines and `#` comments ignored. The options
 * `tokens-per-day=<n>` and `tokens-per-month=<n>` give the key a token budget; a field holding `=`
 * is an option, so a name has none (`<key> tokens-per-day=1000` is a key without a name). Keys that
 * share a name share its sessions, rate limit and budget (a rotation: the old key and the new), so
 * their lines must give the same budget. Only SHA-256 digests are kept in memory. Throws naming the
 * file and line.
 */
export function parseApiKeys(text: string, source = 'API_KEYS_FILE'): StoredKey[] {
  const keys: StoredKey[] = [];
  const budgetLines = new Map<string, { line: number; budget: string }>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${source} line ${index + 1}`;
    const [secret, ...fields] = line.split(/\s+/) as [string, ...string[]];
    const named = fields[0] !== undefined && !fields[0].includes('=') ? fields.shift() : undefined;
    const hashed = SHA256_HEX.exec(secret);
    if (secret.toLowerCase().startsWith('sha256:') && hashed === null) {
      throw new Error(`${where}: 'sha256:' must be followed by 64 hex digits`);
    }
    if (named?.toLowerCase().startsWith(JWT_ID_PREFIX)) {
      throw new Error(
        `${where}: the name '${named}' starts with '${JWT_ID_PREFIX}', which is reserved for token callers; rename the key`,
      );
    }
    const budget = parseBudget(fields, where);
    const digest = hashed !== null ? Buffer.from(hashed[1] as string, 'hex') : sha256(secret);
    const name = named ?? `key-${digest.toString('hex').slice(0, 12)}`;
    const said = JSON.stringify(budget ?? {});
    const earlier = budgetLines.get(name);
    if (earlier !== undefined && earlier.budget !== said) {
      throw new Error(
        `${where}: the name '${name}' has another budget on line ${earlier.line}; keys that share a name share one budget, so give their lines the same tokens-per-day and tokens-per-month`,
      );
    }
    budgetLines.set(name, { line: index + 1, budget: said });
    keys.push(budget === undefined ? { digest, name } : { digest, name, budget });
  });
  if (keys.length === 0) throw new Error(`${source} holds no keys; add one per line or unset API_KEYS_FILE`);
  return keys;
}

/** The budget options of one line (the fields after the key and its name); undefined for none. */
function parseBudget(fields: readonly string[], where: string): TokenBudget | undefined {
  const budget: { -readonly [K in keyof TokenBudget]: number } = {};
  for (const field of fields) {
    const equals = field.indexOf('=');
    // Not quoted: a field out of place may be a second key pasted onto the line.
    if (equals < 0) {
      throw new Error(
        `${where}: expected ${LINE_FORMAT}; a field after the name must be an option (<option>=<value>)`,
      );
    }
    const option = field.slice(0, equals);
    const value = field.slice(equals + 1);
    const target = Object.hasOwn(BUDGET_OPTIONS, option) ? BUDGET_OPTIONS[option] : undefined;
    if (target === undefined) {
      const shown = OPTION_NAME.test(option) ? `'${option}'` : '(not shown: it does not look like one)';
      throw new Error(
        `${where}: unknown option ${shown}; the options are tokens-per-day=<n> and tokens-per-month=<n> (a name cannot hold '=')`,
      );
    }
    if (budget[target] !== undefined) throw new Error(`${where}: ${option} is given twice; keep one`);
    const tokens = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(tokens) || tokens < 1) {
      throw new Error(
        `${where}: ${option}='${value}' must be a whole number of tokens of at least 1 (e.g. ${option}=1000000)`,
      );
    }
    budget[target] = tokens;
  }
  return Object.keys(budget).length === 0 ? undefined : budget;
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
    return found.budget === undefined
      ? { id: found.name, kind: 'api-key' }
      : { id: found.name, kind: 'api-key', budget: found.budget };
  }

  /** The names of the keys with a token budget, and their budgets (as the keys file says now). */
  budgets(): ReadonlyMap<string, TokenBudget> {
    this.refreshKeys();
    const budgets = new Map<string, TokenBudget>();
    for (const key of this.keys) if (key.budget !== undefined) budgets.set(key.name, key.budget);
    return budgets;
  }
}

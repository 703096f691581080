/**
 * How the operator reaches the API server: the server URL, TLS, and credentials per request. Two
 * implementations satisfy `ClusterConnection`:
 * - `StaticConnection`, built here from the pod's service account (in-cluster, where the operator
 *   runs) or from a kubeconfig that names a server, TLS material and a token or client certificate;
 * - client-node's `KubeConfig`, for every kubeconfig this module does not read (exec credential
 *   plugins, auth providers, several merged files). It is imported only then: client-node's module
 *   graph (its whole generated API) costs the process about 70 MiB of memory it otherwise never uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';

/** What KubeClient needs of a connection (client-node's KubeConfig has the same shape). */
export interface ClusterConnection {
  getCurrentCluster(): { readonly server: string } | null;
  /** Sets the agent (TLS) and the Authorization header of one request. */
  applyToHTTPSOptions(opts: https.RequestOptions): Promise<void>;
}

export interface StaticConnectionOptions {
  /** e.g. https://10.96.0.1:443 */
  readonly server: string;
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly insecureSkipTlsVerify?: boolean;
  readonly token?: string;
  /** Re-read at most once a minute, so a rotated service-account token is picked up. */
  readonly tokenFile?: string;
  readonly username?: string;
  readonly password?: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/** How long a token read from a file is used before the file is read again (as client-node does). */
const TokenFileRefreshMs = 60_000;

/** Server, TLS and credentials given once; one keep-alive agent for every request. */
export class StaticConnection implements ClusterConnection {
  private readonly agent: https.Agent | undefined;
  private fileToken: { value: string; readAt: number } | undefined;

  constructor(private readonly options: StaticConnectionOptions) {
    if (!/^https?:\/\//.test(options.server)) {
      throw new Error(`kubeconfig: cluster server '${options.server}' must be an http(s) URL`);
    }
    this.agent = options.server.startsWith('https:')
      ? new https.Agent({
          keepAlive: true,
          ...(options.ca === undefined ? {} : { ca: options.ca }),
          ...(options.cert === undefined ? {} : { cert: options.cert }),
          ...(options.key === undefined ? {} : { key: options.key }),
          rejectUnauthorized: !options.insecureSkipTlsVerify,
        })
      : undefined;
  }

  getCurrentCluster(): { readonly server: string } {
    return { server: this.options.server };
  }

  async applyToHTTPSOptions(opts: https.RequestOptions): Promise<void> {
    if (this.agent !== undefined) opts.agent = this.agent;
    const token = this.token();
    const headers = { ...(opts.headers as Record<string, string> | undefined) };
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    else if (this.options.username !== undefined) {
      headers['Authorization'] =
        `Basic ${Buffer.from(`${this.options.username}:${this.options.password ?? ''}`).toString('base64')}`;
    }
    opts.headers = headers;
  }

  private token(): string | undefined {
    if (this.options.tokenFile === undefined) return this.options.token;
    const now = (this.options.now ?? Date.now)();
    if (this.fileToken === undefined || now - this.fileToken.readAt >= TokenFileRefreshMs) {
      this.fileToken = { value: readFileSync(this.options.tokenFile, 'utf8').trim(), readAt: now };
    }
    return this.fileToken.value;
  }
}

/** Where Kubernetes mounts a pod's service-account credentials. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The pod's own service account: the API server's in-cluster address, its CA and a rotating token. */
export function inClusterConnection(
  env: NodeJS.ProcessEnv = process.env,
  dir: string = SERVICE_ACCOUNT_DIR,
): StaticConnection {
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'] ?? '443';
  if (!host) throw new Error('in-cluster: KUBERNETES_SERVICE_HOST is not set; this is not a pod');
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new StaticConnection({
    server,
    ca: readFileSync(join(dir, 'ca.crt')),
    tokenFile: join(dir, 'token'),
  });
}

/**
 * The current context of a kubeconfig as a StaticConnection, or undefined when it needs what only
 * client-node reads (an exec plugin, an auth provider, a proxy, a TLS server name).
 * @throws Error naming the field when the kubeconfig is malformed
 */
export function kubeconfigConnection(text: string, file: string): StaticConnection | undefined {
  const config = (parse(text) ?? {}) as Record<string, unknown>;
  const named = (list: string, name: unknown): Record<string, unknown> | undefined =>
    ((config[list] as Array<Record<string, unknown>> | undefined) ?? []).find((e) => e['name'] === name);
  const current = config['current-context'];
  const context = named('contexts', current)?.['context'] as Record<string, unknown> | undefined;
  if (context === undefined) {
    throw new Error(
      `kubeconfig ${file}: current-context '${String(current)}' names no context; set current-context`,
    );
  }
  const cluster = named('clusters', context['cluster'])?.['cluster'] as Record<string, unknown> | undefined;
  if (cluster === undefined || typeof cluster['server'] !== 'string') {
    throw new Error(`kubeconfig ${file}: context '${String(current)}' names no cluster with a server`);
  }
  const user = (named('users', context['user'])?.['user'] ?? {}) as Record<string, unknown>;
  if (user['exec'] || user['auth-provider'] || cluster['proxy-url'] || cluster['tls-server-name'])
    return undefined;
  const base = dirname(file);
  const material = (data: unknown, path: unknown): Buffer | undefined => {
    if (typeof data === 'string') return Buffer.from(data, 'base64');
    if (typeof path === 'string') return readFileSync(isAbsolute(path) ? path : join(base, path));
    return undefined;
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const tokenFile = str(user['tokenFile']);
  return new StaticConnection({
    server: cluster['server'],
    ...optional('ca', material(cluster['certificate-authority-data'], cluster['certificate-authority'])),
    ...optional('cert', material(user['client-certificate-data'], user['client-certificate'])),
    ...optional('key', material(user['client-key-data'], user['client-key'])),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    ...optional('token', str(user['token'])),
    ...optional(
      'tokenFile',
      tokenFile === undefined || isAbsolute(tokenFile) ? tokenFile : join(base, tokenFile),
    ),
    ...optional('username', str(user['username'])),
    ...optional('password', str(user['password'])),
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The connection the operator uses: KUBECONFIG if set, else the in-cluster service account, else
 * ~/.kube/config. A kubeconfig this module cannot read alone goes to client-node's loader.
 */
export async function loadConnection(env: NodeJS.ProcessEnv = process.env): Promise<ClusterConnection> {
  const home = join(env['HOME'] ?? homedir(), '.kube', 'config');
  const files = (env['KUBECONFIG'] ?? '').split(':').filter(Boolean);
  if (files.length === 0 && env['KUBERNETES_SERVICE_HOST']) return inClusterConnection(env);
  if (files.length === 0 && !existsSync(home)) {
    throw new Error(
      'no Kubernetes cluster configured: set KUBECONFIG, provide ~/.kube/config, or run in a pod with a service account',
    );
  }
  const only = files.length === 0 ? home : files.length === 1 ? files[0]! : undefined;
  const simple = only === undefined ? undefined : kubeconfigConnection(readFileSync(only, 'utf8'), only);
  if (simple !== undefined) return simple;
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  if (files.length > 0) kc.loadFromDefault();
  else kc.loadFromFile(home);
  if (!kc.getCurrentCluster()) {
    throw new Error('kubeconfig: the current context names no cluster; set current-context');
  }
  return kc;
}

import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A Docker-style token service in front of a real registry: requests without a valid bearer token get
 * `401` with a `WWW-Authenticate: Bearer realm=…,service=…,scope=…` challenge; `/token` issues tokens
 * for a scope against basic credentials; valid requests are forwarded to the registry unchanged.
 */
export class TokenAuthProxy {
  /** Scopes of the tokens issued, in order. */
  readonly issued: string[] = [];
  private readonly tokens = new Map<string, string>();
  private server!: http.Server;

  constructor(
    private readonly upstream: string,
    private readonly user: { username: string; password: string },
    /** Drop `Docker-Content-Digest` from answers, as some registries and proxies do. @default false */
    private readonly stripDigest = false,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/token') {
      const expected = `Basic ${Buffer.from(`${this.user.username}:${this.user.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected || url.searchParams.get('service') !== 'test-registry') {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end('{"details":"incorrect username or password"}');
        return;
      }
      const token = randomBytes(12).toString('hex');
      const scope = url.searchParams.get('scope') ?? '';
      this.tokens.set(token, scope);
      this.issued.push(scope);
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ token, expires_in: 300 }));
      return;
    }
    const repo = /^\/v2\/(.+?)\/(?:tags|manifests|blobs)\//.exec(url.pathname)?.[1];
    const needed = repo ? `repository:${repo}:pull` : '';
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const granted = token !== undefined ? this.tokens.get(token) : undefined;
    if (granted === undefined || (needed && granted !== needed)) {
      res
        .writeHead(401, {
          'Content-Type': 'application/json',
          'WWW-Authenticate': `Bearer realm="${this.url}/token",service="test-registry"${needed ? `,scope="${needed}"` : ''}`,
        })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      return;
    }
    const upstream = http.request(
      `${this.upstream}${url.pathname}${url.search}`,
      { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } },
      (up) => {
        const headers = { ...up.headers };
        if (this.stripDigest) delete headers['docker-content-digest'];
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end();
  }
}

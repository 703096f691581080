/**
 * The model's Service as a client in the mesh reaches it (`http://<model>.<namespace>.svc…`), on
 * loopback: an HTTP proxy that routes each request as the sidecar would, by the routing table the
 * Mesh follows (header routes first, e.g. the session routes of forwarded turns, then the weights),
 * to one of the chosen version's ready pods. Requests and answers are piped through unbuffered. A
 * version without a ready pod, or a request no route takes, gets Envoy's own answer (503 or 404,
 * no `x-suoke-served-by`), as a runtime that forwards a turn there would see it. Mirrors are not
 * copied: only the load generator's clients are mirrored.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeToUpstream } from '../../support/sidecar-pipe.js';
import type { DeploymentController } from './deployment-controller.js';
import type { Mesh } from './mesh.js';

/** One request as the proxy routed it. */
export interface ProxyHop {
  readonly at: number;
  /** Its `x-suoke-session-version`, when a runtime forwarded it. */
  readonly pinned: string | undefined;
  /** The route that took it, and the version it was sent to (undefined: no route or no version). */
  readonly route: string | undefined;
  readonly to: string | undefined;
  /** Whether a ready pod of `to` got it (false: Envoy answered 503 itself). */
  readonly delivered: boolean;
}

export class MeshProxy {
  /** Every request, oldest first. */
  readonly hops: ProxyHop[] = [];
  private mesh: Mesh | undefined;
  private pods: DeploymentController | undefined;
  private sequence = 0;

  private constructor(private readonly server: Server) {}

  /** Listens at once (the runtimes are given its URL when they start); routes once {@link attach}ed. */
  static async start(): Promise<MeshProxy> {
    const server = createServer();
    const proxy = new MeshProxy(server);
    server.on('request', (req, res) => proxy.proxy(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** `http://127.0.0.1:port`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  attach(mesh: Mesh, pods: DeploymentController): void {
    this.mesh = mesh;
    this.pods = pods;
  }

  private proxy(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers['x-suoke-session-version'];
    const pinned = typeof header === 'string' ? header : undefined;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') headers[k] = v;
    }
    const decision = this.mesh?.route(headers, {
      path: req.url ?? '/',
      method: req.method ?? 'GET',
    });
    const endpoints = decision === undefined ? [] : (this.pods?.endpoints(decision.version) ?? []);
    this.hops.push({
      at: Date.now(),
      pinned,
      route: decision?.route,
      to: decision?.version,
      delivered: endpoints.length > 0,
    });
    if (decision === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('route not found');
      return;
    }
    if (endpoints.length === 0) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
      return;
    }
    this.sequence += 1;
    const base = endpoints[this.sequence % endpoints.length]!;
    pipeToUpstream(req, res, base);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

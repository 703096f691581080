import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeToUpstream } from './sidecar-pipe.js';
import { baseUrlOf } from './net.js';

/** How the mesh routes: each version's weight, and which versions still have their own route. */
export interface MeshRoutes {
  /** Share of the requests without a pinned version, by version (any scale; 0 gets none). */
  readonly weights: Readonly<Record<string, number>>;
  /**
   * Versions whose `x-suoke-session-version` route exists (they still serve). @default every
   * version named in `weights`
   */
  readonly serving?: readonly string[];
}

/** One request as the mesh routed it. */
export interface MeshHop {
  /** Its `x-suoke-session-version`, when a runtime forwarded it. */
  readonly pinned: string | undefined;
  /** The version it was sent to. */
  readonly to: string;
  /** Whether it went there by its pin (true) or by the weights (false). */
  readonly byPin: boolean;
}

/**
 * A stand-in for a model's Service and its Istio VirtualService, for runtimes on loopback: a request
 * carrying `x-suoke-session-version: V` goes to V's runtime while V serves (the header route that
 * comes first); every other request, and one pinned to a version that left, goes by the weights.
 * The weighted choice is smooth weighted round robin (nginx's), so a test knows exactly how many
 * requests each version gets. Requests and answers are piped through unbuffered; changing the
 * routes affects only requests that arrive after the change, as in Envoy.
 */
export class SessionMesh {
  readonly hops: MeshHop[] = [];
  private readonly upstreams = new Map<string, string>();
  private routes: MeshRoutes = { weights: {} };
  private current = new Map<string, number>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SessionMesh> {
    const server = createServer();
    const mesh = new SessionMesh(server);
    server.on('request', (req, res) => mesh.proxy(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return mesh;
  }

  /** `http://127.0.0.1:port`: the runtimes' SESSION_FORWARD_URL, and where clients send requests. */
  get url(): string {
    return baseUrlOf(this.server);
  }

  /** Where `version`'s runtime listens. */
  add(version: string, base: string): void {
    this.upstreams.set(version, base);
  }

  /** Replaces the routes (one VirtualService write). */
  route(routes: MeshRoutes): void {
    this.routes = routes;
    this.current = new Map();
  }

  private serving(): readonly string[] {
    return this.routes.serving ?? Object.keys(this.routes.weights);
  }

  /** Smooth weighted round robin: deterministic, and spread evenly within each cycle. */
  private byWeight(): string {
    let best: string | undefined;
    let total = 0;
    for (const [version, weight] of Object.entries(this.routes.weights)) {
      if (weight <= 0) continue;
      total += weight;
      const score = (this.current.get(version) ?? 0) + weight;
      this.current.set(version, score);
      if (best === undefined || score > (this.current.get(best) ?? 0)) best = version;
    }
    if (best === undefined) throw new Error('SessionMesh: no version has a weight');
    this.current.set(best, (this.current.get(best) ?? 0) - total);
    return best;
  }

  private proxy(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers['x-suoke-session-version'];
    const pinned = typeof header === 'string' ? header : undefined;
    const byPin = pinned !== undefined && this.serving().includes(pinned);
    const to = byPin ? (pinned as string) : this.byWeight();
    this.hops.push({ pinned, to, byPin });
    const base = this.upstreams.get(to);
    if (base === undefined) {
      // What Envoy answers for a route to a subset without endpoints: no x-suoke-served-by.
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy upstream');
      return;
    }
    pipeToUpstream(req, res, base);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

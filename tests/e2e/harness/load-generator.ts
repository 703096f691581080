/**
 * Clients of the agent: chat requests at a steady rate from clients of several kinds (plain ones,
 * a cohort carrying a header or a cookie, preview testers naming a version), each request sent
 * where the mesh routes it at that moment (see Mesh.route), to one of that version's ready pods.
 * Kinds share the rate by smooth weighted round robin, so their requests interleave evenly. A kind
 * may hold conversations: each request then carries an `X-Session-Id`, one turn of a few, with the
 * server keeping the history. Half the requests of every version stream, so the runtimes record
 * time to first token as well.
 *
 * A request the mesh mirrors is copied as Envoy copies it: same body and headers, the Host header
 * with `-shadow` appended to the host name (before a port), sent at the same time; its answer is
 * read and discarded, counted apart from what clients saw. Requests go through node:http, since
 * fetch cannot set Host.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { DeploymentController } from './deployment-controller.js';
import type { RoutingTable } from './istio-routes.js';
import type { Mesh } from './mesh.js';

/** What one version was sent and how it answered. */
export interface VersionLoad {
  sent: number;
  ok: number;
  /** 5xx answers and connection errors. */
  failed: number;
  /** 4xx answers: a harness mistake, never expected. */
  rejected: number;
}

/** A kind of client and its share of the rate. */
export interface ClientKind {
  /** Names the kind in the counts, e.g. `plain`, `cohort`, `preview`. */
  readonly name: string;
  /** Share of the rate, relative to the other kinds' shares. */
  readonly share: number;
  /** Headers sent with every request, e.g. `{ 'x-cohort': 'beta' }` (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Cookies sent with every request (one `Cookie` header, in this order). */
  readonly cookies?: Readonly<Record<string, string>>;
  /** Conversations of this many turns, each request one turn with its `X-Session-Id`. @default none */
  readonly sessionTurns?: number;
  /** Extra body fields, e.g. `{ temperature: 0 }` for answers the runtime may cache. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Whether requests stream. @default every other request of a version */
  readonly stream?: boolean;
  /** A port in the Host header (`host:port`), as a client naming the port sends it. @default none */
  readonly hostPort?: number;
}

/** One client request: where the mesh sent it and what came back. */
export interface ClientRequest {
  /** When it was sent (ms since the epoch). */
  readonly at: number;
  readonly kind: string;
  /** The version that answered (the one the mesh routed it to). */
  readonly version: string;
  /** The route that took it. */
  readonly route: string;
  /** The version a mirrored copy went to. */
  readonly mirror?: string;
  /** The routing table in force when it was routed. */
  readonly table: RoutingTable;
  readonly session?: string;
  /** Pending until answered. */
  outcome: 'pending' | 'ok' | 'failed' | 'rejected';
}

/** One conversation of a session-holding kind. */
export interface SessionLedger {
  readonly id: string;
  readonly kind: string;
  /** Turns sent to the stable or candidate for the client (mirrored copies not counted). */
  sent: number;
  /** Turns the client got a 2xx answer to: the turns the session must hold. */
  answered: number;
  /** Mirrored copies of its turns. */
  mirrored: number;
  /** Requests of it (client or mirrored) not answered yet. */
  inFlight: number;
  /** All its turns sent. */
  done: boolean;
}

export interface LoadGeneratorOptions {
  readonly mesh: Mesh;
  readonly pods: DeploymentController;
  /** The model name clients ask for: the AIModel's name, which the runtime serves as MODEL. */
  readonly model: string;
  /** Requests per second. @default 20 */
  readonly ratePerSecond?: number;
  /** Per request (milliseconds). @default 10000 */
  readonly timeoutMs?: number;
  /** @default one kind, `plain`, with no special headers */
  readonly clients?: readonly ClientKind[];
  /** Host header when the VirtualService names no host. @default `<model>` */
  readonly host?: string;
}

/** Client requests kept for assertions (the oldest dropped first). */
const MAX_RECORDS = 200_000;

const emptyLoad = (): VersionLoad => ({ sent: 0, ok: 0, failed: 0, rejected: 0 });

/** Envoy's shadow host: `-shadow` after the host name, before a port. */
export function shadowHost(host: string): string {
  const port = /^(\[[^\]]*\]|[^:]*)(:\d+)$/.exec(host);
  return port === null ? `${host}-shadow` : `${port[1]}-shadow${port[2]}`;
}

export class LoadGenerator {
  /** Client answers per version (every kind), since start or the last {@link reset}. */
  readonly byVersion = new Map<string, VersionLoad>();
  /** Client answers per kind, then per version. */
  readonly byKind = new Map<string, Map<string, VersionLoad>>();
  /** Mirrored copies per version they were sent to (their answers discarded). */
  readonly mirrored = new Map<string, VersionLoad>();
  /** Every client request since the last reset, oldest first. */
  readonly records: ClientRequest[] = [];
  /** Conversations, by session id (kept across resets: Redis keeps them too). */
  readonly sessions = new Map<string, SessionLedger>();
  /** Requests the mesh sent to a version that had no ready pod (Istio's 503 no healthy upstream). */
  noEndpoint = 0;
  /** Requests no route took (Envoy's 404). */
  noRoute = 0;
  /** Mirrored copies to a version without a ready pod (Envoy drops them). */
  mirrorNoEndpoint = 0;
  private clients: readonly ClientKind[];
  private sequence = 0;
  private sessionSequence = 0;
  /** Smooth weighted round robin over the kinds' shares. */
  private readonly kindCredit = new Map<string, number>();
  /** Per kind, the conversation its next request continues. */
  private readonly openSession = new Map<string, SessionLedger>();
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly options: LoadGeneratorOptions) {
    this.clients = options.clients ?? [{ name: 'plain', share: 1 }];
  }

  start(): void {
    if (this.timer !== undefined) return;
    const rate = this.options.ratePerSecond ?? 20;
    // A fixed schedule (not one request after another) so a slow answer does not slow the load.
    this.timer = setInterval(() => this.send(), Math.max(1, Math.round(1000 / rate)));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  /** Closes the kept-alive connections; after {@link stop}, once the generator is done for good. */
  close(): void {
    this.agent.destroy();
  }

  /** Replaces the mix of clients from the next request on (counts of earlier kinds stay). */
  setClients(clients: readonly ClientKind[]): void {
    if (clients.length === 0 || clients.some((c) => !(c.share > 0))) {
      throw new Error('setClients: at least one kind, every share greater than 0');
    }
    this.clients = clients;
    this.kindCredit.clear();
    for (const name of [...this.openSession.keys()]) {
      if (!clients.some((c) => c.name === name)) this.openSession.delete(name);
    }
  }

  reset(): void {
    this.byVersion.clear();
    this.byKind.clear();
    this.mirrored.clear();
    this.records.length = 0;
    this.noEndpoint = 0;
    this.noRoute = 0;
    this.mirrorNoEndpoint = 0;
  }

  /** Counts of `version` (zeros when it got nothing). */
  of(version: string): VersionLoad {
    return this.byVersion.get(version) ?? emptyLoad();
  }

  /** Counts of clients of `kind` per version that answered them. */
  ofKind(kind: string): Record<string, VersionLoad> {
    return Object.fromEntries(this.byKind.get(kind) ?? []);
  }

  /** Mirrored copies `version` got. */
  mirroredTo(version: string): VersionLoad {
    return this.mirrored.get(version) ?? emptyLoad();
  }

  /**
   * Versions that answered (2xx) requests matching `filter`, with how many each: e.g. the plain
   * clients' answers while the table mirrored: `answered((r) => r.kind === 'plain' && r.table.mirror !== undefined)`.
   */
  answered(filter: (r: ClientRequest) => boolean = () => true): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records)
      if (r.outcome === 'ok' && filter(r)) out[r.version] = (out[r.version] ?? 0) + 1;
    return out;
  }

  /** Versions requests matching `filter` were sent to, answered or not. */
  reached(filter: (r: ClientRequest) => boolean = () => true): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) if (filter(r)) out[r.version] = (out[r.version] ?? 0) + 1;
    return out;
  }

  /** Conversations with every turn sent and answered, mirrored copies included. */
  settledSessions(): SessionLedger[] {
    return [...this.sessions.values()].filter((s) => s.done && s.inFlight === 0);
  }

  private pickKind(): ClientKind {
    let best: ClientKind | undefined;
    let total = 0;
    for (const kind of this.clients) {
      const credit = (this.kindCredit.get(kind.name) ?? 0) + kind.share;
      this.kindCredit.set(kind.name, credit);
      total += kind.share;
      if (best === undefined || credit > this.kindCredit.get(best.name)!) best = kind;
    }
    this.kindCredit.set(best!.name, this.kindCredit.get(best!.name)! - total);
    return best!;
  }

  /** The conversation `kind`'s next request belongs to: the open one, or a new one. */
  private sessionFor(kind: ClientKind): SessionLedger | undefined {
    if (kind.sessionTurns === undefined) return undefined;
    const open = this.openSession.get(kind.name);
    if (open !== undefined && !open.done) return open;
    this.sessionSequence += 1;
    const ledger: SessionLedger = {
      id: `${kind.name}-${process.pid}-${this.sessionSequence}`,
      kind: kind.name,
      sent: 0,
      answered: 0,
      mirrored: 0,
      inFlight: 0,
      done: false,
    };
    this.sessions.set(ledger.id, ledger);
    this.openSession.set(kind.name, ledger);
    return ledger;
  }

  private send(): void {
    const kind = this.pickKind();
    const host = this.options.mesh.routing().host ?? this.options.host ?? this.options.model;
    const headers: Record<string, string> = {
      ...kind.headers,
      host: kind.hostPort === undefined ? host : `${host}:${kind.hostPort}`,
      'content-type': 'application/json',
    };
    const cookies = Object.entries(kind.cookies ?? {});
    if (cookies.length > 0) headers['cookie'] = cookies.map(([k, v]) => `${k}=${v}`).join('; ');
    const decision = this.options.mesh.route(headers);
    if (decision === undefined) {
      this.noRoute += 1;
      return;
    }
    const { version } = decision;
    const endpoints = this.options.pods.endpoints(version);
    if (endpoints.length === 0) {
      this.noEndpoint += 1;
      return;
    }
    this.sequence += 1;
    const session = this.sessionFor(kind);
    if (session !== undefined) {
      headers['x-session-id'] = session.id;
      session.sent += 1;
      if (session.sent >= kind.sessionTurns!) session.done = true;
    }
    const counts = this.counter(this.byVersion, version);
    const kindCounts = this.counter(this.kindMap(kind.name), version);
    counts.sent += 1;
    kindCounts.sent += 1;
    // Alternate per version, so every version gets streamed and plain requests whatever its share.
    const stream = kind.stream ?? counts.sent % 2 === 0;
    const turn = session === undefined ? undefined : session.sent;
    const body = JSON.stringify({
      model: this.options.model,
      ...kind.params,
      stream,
      messages: [
        {
          role: 'user',
          content: turn === undefined ? 'How should I sleep better?' : `Turn ${turn}: and what else helps?`,
        },
      ],
    });
    const record: ClientRequest = {
      at: Date.now(),
      kind: kind.name,
      version,
      route: decision.route,
      table: decision.table,
      ...(decision.mirror === undefined ? {} : { mirror: decision.mirror }),
      ...(session === undefined ? {} : { session: session.id }),
      outcome: 'pending',
    };
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.shift();

    if (session !== undefined) session.inFlight += 1;
    this.track(
      this.post(endpoints[this.sequence % endpoints.length]!, headers, body).then((status) => {
        const outcome = status >= 500 ? 'failed' : status >= 400 ? 'rejected' : 'ok';
        record.outcome = outcome;
        counts[outcome] += 1;
        kindCounts[outcome] += 1;
        if (session !== undefined) {
          if (outcome === 'ok') session.answered += 1;
          session.inFlight -= 1;
        }
      }),
    );

    if (decision.mirror !== undefined) {
      const targets = this.options.pods.endpoints(decision.mirror);
      if (targets.length === 0) {
        this.mirrorNoEndpoint += 1;
        return;
      }
      const mirrored = this.counter(this.mirrored, decision.mirror);
      mirrored.sent += 1;
      if (session !== undefined) {
        session.mirrored += 1;
        session.inFlight += 1;
      }
      const copy = { ...headers, host: shadowHost(headers['host']!) };
      this.track(
        this.post(targets[this.sequence % targets.length]!, copy, body).then((status) => {
          mirrored[status >= 500 ? 'failed' : status >= 400 ? 'rejected' : 'ok'] += 1;
          if (session !== undefined) session.inFlight -= 1;
        }),
      );
    }
  }

  private kindMap(kind: string): Map<string, VersionLoad> {
    const map = this.byKind.get(kind) ?? new Map<string, VersionLoad>();
    this.byKind.set(kind, map);
    return map;
  }

  private counter(map: Map<string, VersionLoad>, version: string): VersionLoad {
    const counts = map.get(version) ?? emptyLoad();
    map.set(version, counts);
    return counts;
  }

  private track(request: Promise<void>): void {
    const tracked = request.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /**
   * POSTs `body` to `${url}/v1/chat/completions` and reads the whole answer (a streamed one is only
   * complete, and counted, at its end). Resolves with the status, or 599 on a connection error or
   * timeout; never rejects.
   */
  private post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (status: number): void => {
        if (settled) return;
        settled = true;
        resolve(status);
      };
      const req = httpRequest(
        `${url}/v1/chat/completions`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => done(res.statusCode ?? 599));
          // Closed before its end: the answer was cut off.
          res.on('close', () => done(599));
        },
      );
      req.on('error', () => done(599));
      req.end(body);
    });
  }
}

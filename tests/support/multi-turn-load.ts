/**
 * Simulated users holding conversations: each user keeps one session (`X-Session-Id`) for all its
 * turns, sent one after another, and the load records which version (`x-suoke-served-by`) answered
 * each turn, so a test can tell whether a conversation ever changed version.
 */

export interface MultiTurnOptions {
  /** Where the users send their turns (the mesh). */
  readonly url: string;
  readonly users: number;
  /** Bearer credentials of every user. */
  readonly apiKey: string;
  /** The model id clients send. */
  readonly model: string;
  /** Session ids are `<prefix>-<n>`, so two loads in one test keep apart. @default 'user' */
  readonly sessionPrefix?: string;
}

/** One turn as a user saw it. */
export interface TurnSeen {
  readonly status: number;
  /** `x-suoke-served-by` of the answer. */
  readonly servedBy: string | null;
  /** The answer's text (the stub engines answer with their version's name). */
  readonly text: string;
}

export class MultiTurnLoad {
  /** Each session's turns, in order. */
  readonly conversations = new Map<string, TurnSeen[]>();
  private stopping = false;
  private running: Promise<void> | undefined;
  private turns = 0;

  constructor(private readonly options: MultiTurnOptions) {
    for (let i = 0; i < options.users; i++) this.conversations.set(this.sessionOf(i), []);
  }

  /** Turns answered so far, across users. */
  get turnsDone(): number {
    return this.turns;
  }

  sessionOf(user: number): string {
    return `${this.options.sessionPrefix ?? 'user'}-${user}`;
  }

  /** Every user starts its conversation and keeps taking turns until {@link stop}. */
  start(): void {
    this.running = Promise.all(
      [...this.conversations.keys()].map(async (session) => {
        while (!this.stopping) await this.turn(session);
      }),
    ).then(() => undefined);
  }

  /** Lets every user finish the turn it is in, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** One turn of `session` (also usable on its own, e.g. after the load stopped). */
  async turn(session: string, stream = false): Promise<TurnSeen> {
    const response = await fetch(`${this.options.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        'content-type': 'application/json',
        'x-session-id': session,
      },
      body: JSON.stringify({
        model: this.options.model,
        messages: [{ role: 'user', content: `turn ${this.conversations.get(session)?.length ?? 0}` }],
        stream,
      }),
    });
    const seen = {
      status: response.status,
      servedBy: response.headers.get('x-suoke-served-by'),
      text: await response.text(),
    };
    this.conversations.get(session)?.push(seen);
    this.turns += 1;
    return seen;
  }

  /** The versions each session was answered by, in order, one entry per change of version. */
  versionRuns(): Map<string, string[]> {
    const runs = new Map<string, string[]>();
    for (const [session, turns] of this.conversations) {
      const versions: string[] = [];
      for (const turn of turns) {
        const version = turn.servedBy ?? 'none';
        if (versions.at(-1) !== version) versions.push(version);
      }
      runs.set(session, versions);
    }
    return runs;
  }
}

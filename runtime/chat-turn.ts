import type { SessionPlace } from './chat-session.js';
import type { EngineCall } from './engine-client.js';
import type { Exchange } from './wire-format.js';

/** A request once planned, as the answering steps (complete or stream) get it. */
export interface ChatTurn {
  /** The request in its client's API, and how to answer in that API. */
  readonly exchange: Exchange;
  /** What the engine is asked: the persona and the turn's messages, the request's abort signal. */
  readonly call: EngineCall;
  /** The session the answer is kept in, if any. */
  readonly session: SessionPlace;
  /** Whether the log line may quote the messages and the answer (LOG_CONTENT). */
  readonly logContent: boolean;
}

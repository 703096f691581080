import type { Principal } from './auth.js';
import type { ChatScope } from './chat-observe.js';
import type { ChatMessage } from './chat-request.js';
import { errors } from './errors.js';
import { planTurn, sessionIdOf, type SessionStore, type SessionTurn } from './sessions.js';

/** A request's place in its session (`X-Session-Id`): the turn to run and where its answer is kept. */
export interface SessionPlace {
  /** What the engine is sent (before the persona) and what the session keeps. */
  readonly turn: SessionTurn;
  /**
   * The session the answer is kept in; undefined when the request names none, is mirrored or is an
   * evaluation case.
   */
  readonly kept?: KeptSession;
}

interface KeptSession {
  readonly store: SessionStore;
  readonly principalId: string;
  readonly sessionId: string;
}

/**
 * The pipeline's session step: loads the history the request continues and plans its turn. Naming a
 * session when sessions are off is refused rather than answered without the history.
 *
 * A mirrored request (shadow.ts) reads the history, so the version under test answers the same
 * conversation as the live one, but keeps nothing: the live request keeps the turn, and a second
 * copy of it (with an answer no client saw) would fork the session. Nothing else is written either —
 * no TTL refresh — so the session is exactly as the live requests leave it.
 *
 * An evaluation case (X-Evaluation-Run) ignores `X-Session-Id` altogether: a golden-set case is
 * answered from its own messages, so its verdict does not depend on a conversation the store
 * happens to hold, and a run leaves no trace in any user's session. The header is not even
 * validated, and is no error when sessions are off.
 */
export async function openSession(
  scope: ChatScope,
  store: SessionStore | undefined,
  principal: Principal,
  messages: readonly ChatMessage[],
): Promise<SessionPlace> {
  if (scope.evaluationRun !== undefined) {
    scope.outcome.session = false;
    return { turn: planTurn([], messages) };
  }
  const sessionId = sessionIdOf(scope.req.headers['x-session-id']);
  scope.outcome.session = sessionId !== undefined;
  if (sessionId === undefined) return { turn: planTurn([], messages) };
  if (store === undefined) throw errors.sessionsDisabled();
  const history = await store.load(principal.id, sessionId);
  const turn = planTurn(history, messages);
  if (scope.shadow) return { turn };
  return { turn, kept: { store, principalId: principal.id, sessionId } };
}

/**
 * When a turn is saved relative to its answer, which decides what a failed save means:
 * - `before-answer`: the request fails (503) and the client gets no answer, since an answer the store
 *   did not keep would silently fork the client's history from the session's;
 * - `after-answer`: the streamed answer is out already, so the failure can only be logged.
 */
export type SaveMoment = 'before-answer' | 'after-answer';

/** Keeps the turn and its `answer` in the request's session, if it has one. */
export async function keepTurn(
  scope: ChatScope,
  session: SessionPlace,
  answer: string,
  moment: SaveMoment,
): Promise<void> {
  const { kept } = session;
  if (kept === undefined) return;
  try {
    await kept.store.saveTurn(kept.principalId, kept.sessionId, session.turn, {
      role: 'assistant',
      content: answer,
    });
  } catch (error) {
    if (moment === 'before-answer') throw error;
    scope.warn({ err: (error as Error).message }, 'session turn not saved');
  }
}

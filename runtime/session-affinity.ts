import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Principal } from './auth.js';
import { readRawBody } from './body.js';
import type { ChatScope } from './chat-observe.js';
import { ClientGoneError } from './engine-client.js';
import { errors } from './errors.js';
import type { RuntimeMetrics } from './metrics.js';
import type { SessionKeySource } from './session-affinity-config.js';
import { SESSION_VERSION_HEADER, type SessionForwarder } from './session-forward.js';
import type { SessionPins } from './session-pins.js';
import { SESSION_ID } from './sessions.js';

/**
 * What a version may be called: a ModelVersion's `spec.version` (lower case, digits, "-" and ".",
 * alphanumeric at both ends), at most 63 characters (a label value). A pin that is anything else
 * was not written by a runtime.
 */
export const VERSION_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

/** What the affinity step needs. */
export interface AffinityDeps {
  /** This runtime's version (MODEL_VERSION). */
  readonly version: string;
  /** Where the session key is read (SESSION_AFFINITY_HEADER or SESSION_AFFINITY_COOKIE). */
  readonly key: SessionKeySource;
  readonly pins: SessionPins;
  readonly forwarder: SessionForwarder;
  readonly metrics: RuntimeMetrics;
  readonly logger: Logger;
  /** MAX_BODY_BYTES: a body forwarded is bounded as one parsed here is. */
  readonly maxBodyBytes: number;
}

/** Where a turn is served. */
export type Placement =
  | { readonly forwarded: true }
  /** Here; `body` when the step read it (a failed forward), for the parse step. */
  | { readonly forwarded: false; readonly body?: Buffer };

const HERE: Placement = { forwarded: false };

/** Why a session moved to this version (`reason` of ai_session_version_switches_total). */
type SwitchReason = 'version_left' | 'forward_failed' | 'invalid_pin';

/**
 * The pipeline's session affinity step, right after authentication: a conversation keeps the
 * version that answered its first turn while a canary runs. The mesh picks a version for every
 * request by its weights; a session's turn that lands on another version than its pin is sent on
 * once to the pinned one (session-forward.ts), which serves it. The pinned version not serving any
 * more (its route gone from the mesh: the turn came back to a serving version), unreachable, or the
 * pin not a version at all: the session moves here, once, and the turn is served here. Never a 5xx
 * for a pin. Redis down: every turn is served where the mesh sent it (stickiness degrades to the
 * weights), with one warning per outage.
 *
 * Mirrored copies and evaluation cases are served where they are and touch no pin: the first is a
 * copy for the version under test, the second judges one version on purpose.
 */
export function sessionAffinity(deps: AffinityDeps) {
  const { version: here, pins, metrics, logger } = deps;
  let degraded = false;

  return async function place(scope: ChatScope, principal: Principal): Promise<Placement> {
    if (scope.shadow || scope.evaluationRun !== undefined) return HERE;
    const pinnedHere = forwardedFor(scope.req);
    const sessionId = sessionKeyOf(scope.req, deps.key);
    if (sessionId === undefined) return HERE;
    if (pinnedHere !== undefined) {
      // A forwarded turn is served here whatever the pin says now: at most one hop, ever.
      if (pinnedHere !== here) await moveHere(principal, sessionId, pinnedHere, 'version_left');
      return HERE;
    }
    const pin = await pinOf(principal, sessionId);
    if (pin === undefined || pin === here) return HERE;
    if (!VERSION_NAME.test(pin)) {
      await moveHere(principal, sessionId, pin, 'invalid_pin');
      return HERE;
    }
    const body = await readRawBody(scope.req, deps.maxBodyBytes);
    const result = await deps.forwarder.forward({
      req: scope.req,
      res: scope.res,
      body,
      version: pin,
      requestId: scope.requestId,
      signal: scope.signal,
    });
    if (result.answered) {
      metrics.sessionForwards.inc({ to: pin, outcome: 'ok' });
      metrics.sessionForwardDuration.observe(result.headersMs / 1000);
      scope.forwarded(pin, result.status, result.complete);
      return { forwarded: true };
    }
    // Not the pinned version's failure: nobody is left to serve.
    if (scope.signal.aborted) throw new ClientGoneError();
    metrics.sessionForwards.inc({ to: pin, outcome: 'failed' });
    scope.warn({ to: pin, reason: result.reason }, 'session forward failed; serving the turn here');
    await moveHere(principal, sessionId, pin, 'forward_failed');
    return { forwarded: false, body };
  };

  /** The session's pin (a new session is pinned here); undefined while Redis cannot be asked. */
  async function pinOf(principal: Principal, sessionId: string): Promise<string | undefined> {
    try {
      const pin = await pins.claim(principal.id, sessionId);
      recovered();
      return pin.version;
    } catch (error) {
      degrade(error);
      return undefined;
    }
  }

  /** Moves the pin from `from` to here unless another replica did first; counts the move it made. */
  async function moveHere(
    principal: Principal,
    sessionId: string,
    from: string,
    reason: SwitchReason,
  ): Promise<void> {
    try {
      const pin = await pins.move(principal.id, sessionId, from);
      recovered();
      // A forged pin is not put into a label as it is: anyone with Redis access could mint series.
      const fromLabel = reason === 'invalid_pin' ? 'invalid' : from;
      if (pin.changed) metrics.sessionSwitches.inc({ from: fromLabel, to: here, reason });
    } catch (error) {
      degrade(error);
    }
  }

  function degrade(error: unknown): void {
    metrics.sessionAffinityDegraded.inc();
    if (degraded) return;
    degraded = true;
    logger.warn(
      { err: (error as Error)?.message },
      'session pins unavailable (Redis); serving every turn where the mesh sends it until Redis is back',
    );
  }

  function recovered(): void {
    if (!degraded) return;
    degraded = false;
    logger.info('session pins available again; sessions keep their version');
  }
}

/** The `x-suoke-session-version` of a forwarded turn, validated; undefined on a turn from a client. */
function forwardedFor(req: IncomingMessage): string | undefined {
  const value = req.headers[SESSION_VERSION_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !VERSION_NAME.test(value)) {
    throw errors.invalidSessionVersion(SESSION_VERSION_HEADER);
  }
  return value;
}

/** The request's session key from its header or cookie, validated; undefined when it has none. */
export function sessionKeyOf(req: IncomingMessage, key: SessionKeySource): string | undefined {
  if (key.kind === 'header') {
    const value = req.headers[key.name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !SESSION_ID.test(value)) {
      throw errors.invalidSessionId(key.name === 'x-session-id' ? 'X-Session-Id' : key.name);
    }
    return value;
  }
  const value = cookieOf(req.headers.cookie, key.name);
  if (value === undefined || value === '') return undefined;
  if (!SESSION_ID.test(value)) throw errors.invalidSessionId(`cookie ${key.name}`);
  return value;
}

/** The value of cookie `name` in a Cookie header (RFC 6265 §5.4), unquoted; the first one wins. */
function cookieOf(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
}

import type { Authenticator, Principal } from './auth.js';
import type { ChatScope } from './chat-observe.js';
import { errors } from './errors.js';
import type { RateLimiter } from './rate-limit.js';

/**
 * The pipeline's first steps: who is calling, and whether it may call now. Both come before the body
 * is read, so refusals cost no parsing. A mirrored request is authenticated like any other (it
 * carries its caller's credentials). An evaluation case (X-Evaluation-Run) is authenticated and
 * charged exactly like a live request: anyone can send the header, so it must grant nothing — the
 * evaluation Job holds an API key of its own, with its own bucket. Between the two the session
 * affinity step may send the turn on to another version (session-affinity.ts), which then takes the
 * caller's token itself: a forwarded turn is charged once, where it is served.
 */
export function admission(auth: Authenticator, rateLimiter: RateLimiter | undefined) {
  return {
    /** Who is calling; a 401/403 ApiError for bad credentials. */
    async identify(scope: ChatScope): Promise<Principal> {
      const principal = await auth.authenticate(scope.req);
      scope.outcome.principal = principal.id;
      return principal;
    },
    /** Whether `principal` may call now; a 429 ApiError when its bucket is empty. */
    limit: enforceRateLimit,
  };

  async function enforceRateLimit(principal: Principal, { req, shadow }: ChatScope): Promise<void> {
    if (rateLimiter === undefined) return;
    // Anonymous callers are told apart by address; authenticated ones by identity across replicas.
    const caller =
      principal.kind === 'anonymous' ? `ip:${req.socket.remoteAddress ?? 'unknown'}` : principal.id;
    // A mirrored copy takes no token: its live original took one already, and charging the copy
    // too would halve the caller's limit while a shadow stage runs. It only looks at the bucket, and
    // is refused when it is empty, so forging the `-shadow` host does not get an exhausted caller
    // past its limit. What remains: a caller that forges it on every request never empties its
    // bucket, so its forged requests are never refused (they still write nothing: no session turn,
    // no cache entry). Through the Istio ingress gateway a forged host matches no route (unless a
    // route's hosts hold a wildcard that matches it); a caller inside the cluster that reaches the
    // Service directly can forge it.
    const decision = shadow ? await rateLimiter.check(caller) : await rateLimiter.take(caller);
    if (decision !== undefined && !decision.allowed) {
      throw errors.rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }
  }
}

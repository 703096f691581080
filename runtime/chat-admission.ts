import type { Authenticator, Principal } from './auth.js';
import type { ChatScope } from './chat-observe.js';
import { errors } from './errors.js';
import type { RateLimiter } from './rate-limit.js';

/**
 * The pipeline's first steps: who is calling, and whether it may call now. Both come before the body
 * is read, so refusals cost no parsing.
 */
export function admission(auth: Authenticator, rateLimiter: RateLimiter | undefined) {
  return async function admit(scope: ChatScope): Promise<Principal> {
    const principal = await auth.authenticate(scope.req);
    scope.outcome.principal = principal.id;
    await enforceRateLimit(principal, scope);
    return principal;
  };

  async function enforceRateLimit(principal: Principal, { req }: ChatScope): Promise<void> {
    if (rateLimiter === undefined) return;
    // Anonymous callers are told apart by address; authenticated ones by identity across replicas.
    const caller =
      principal.kind === 'anonymous' ? `ip:${req.socket.remoteAddress ?? 'unknown'}` : principal.id;
    const decision = await rateLimiter.take(caller);
    if (decision !== undefined && !decision.allowed) {
      throw errors.rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }
  }
}

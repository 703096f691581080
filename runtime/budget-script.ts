/**
 * The one Lua script behind token budgets, run atomically inside Redis so that every replica of a
 * model sees and changes a key's budget as one. Three operations, chosen by ARGV[1]:
 *
 * - `reserve`: admits a request while the key's settled tokens plus the tokens held by its requests
 *   in flight are below the budget of each period, and then holds `tokens` (an upper bound of what
 *   the request can use) until it settles or its deadline passes;
 * - `check`: whether the key's settled tokens are below each budget, holding nothing and writing
 *   nothing (a mirrored request, see chat-budget.ts);
 * - `settle`: drops a hold and adds the tokens the request really used to the periods it was
 *   admitted in.
 *
 * Admitting while `used + held < budget` bounds the overspend by one request: every request admitted
 * before the last one is counted (used) or held for at least what it uses, so all of them together
 * stay below the budget, and only the last one's own tokens can go past it.
 *
 * KEYS[1] holds (hash: hold id → `tokens:day id:month id:deadline ms`), KEYS[2] and KEYS[3] the
 * settled tokens of the day and of the month (of the request's admission, for `settle`). All share
 * one hash tag, so the script runs on one Redis Cluster node.
 * ARGV: op, now (ms), day id, month id, day budget, month budget (0 = none), hold id, tokens (the
 * reservation, or those used for `settle`), hold deadline (ms), day key and month key expiry (ms).
 * `now` and the period ids come from the caller (an injected clock) rather than Redis TIME, so tests
 * can cross a day boundary. Holds past their deadline (their process died) are dropped here.
 *
 * Returns, for `reserve` and `check`: {admitted (0|1), the period refused ('' when admitted), day
 * used, day held, month used, month held} (held before this request's hold); for `settle`: {day used,
 * month used} after it.
 */
export const TOKEN_BUDGET_LUA = `
local op = ARGV[1]
local now = tonumber(ARGV[2])
local day = ARGV[3]
local month = ARGV[4]
if op == 'settle' then
  redis.call('HDEL', KEYS[1], ARGV[7])
  if tonumber(ARGV[8]) > 0 then
    redis.call('INCRBY', KEYS[2], ARGV[8])
    redis.call('PEXPIREAT', KEYS[2], ARGV[10])
    redis.call('INCRBY', KEYS[3], ARGV[8])
    redis.call('PEXPIREAT', KEYS[3], ARGV[11])
  end
  return {tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0')}
end
local write = op == 'reserve'
local dayBudget = tonumber(ARGV[5])
local monthBudget = tonumber(ARGV[6])
local dayHeld = 0
local monthHeld = 0
local holds = redis.call('HGETALL', KEYS[1])
for i = 1, #holds, 2 do
  local tokens, holdDay, holdMonth, deadline = string.match(holds[i + 1], '^(%d+):([^:]+):([^:]+):(%d+)$')
  if tokens == nil or tonumber(deadline) <= now then
    if write then
      redis.call('HDEL', KEYS[1], holds[i])
    end
  else
    if holdDay == day then
      dayHeld = dayHeld + tonumber(tokens)
    end
    if holdMonth == month then
      monthHeld = monthHeld + tonumber(tokens)
    end
  end
end
local dayUsed = tonumber(redis.call('GET', KEYS[2]) or '0')
local monthUsed = tonumber(redis.call('GET', KEYS[3]) or '0')
-- A check holds nothing, so it does not count what others hold either: it refuses only once the
-- budget is spent.
local dayCounted = dayUsed
local monthCounted = monthUsed
if write then
  dayCounted = dayUsed + dayHeld
  monthCounted = monthUsed + monthHeld
end
local refused = ''
if dayBudget > 0 and dayCounted >= dayBudget then
  refused = 'day'
elseif monthBudget > 0 and monthCounted >= monthBudget then
  refused = 'month'
end
if refused == '' and write then
  local deadline = tonumber(ARGV[9])
  redis.call('HSET', KEYS[1], ARGV[7], ARGV[8] .. ':' .. day .. ':' .. month .. ':' .. ARGV[9])
  if redis.call('PTTL', KEYS[1]) < deadline - now then
    redis.call('PEXPIRE', KEYS[1], deadline - now)
  end
end
local admitted = 0
if refused == '' then
  admitted = 1
end
return {admitted, refused, dayUsed, dayHeld, monthUsed, monthHeld}
`;

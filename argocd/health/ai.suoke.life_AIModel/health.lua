-- Argo CD health check for ai.suoke.life/AIModel.
-- Runs inside Argo CD's sandbox (base, table and a safe os library only: no string library),
-- so messages are built with `..` alone.
local hs = {}

local function condition(conditionType)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function describe(c, fallback)
  if c.message ~= nil and c.message ~= "" then
    return c.message
  end
  if c.reason ~= nil and c.reason ~= "" then
    return c.reason
  end
  return fallback
end

if obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "AIModel is being deleted"
  return hs
end

if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile the AIModel"
  return hs
end

-- Conditions written for an older spec say nothing about the current one.
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local degraded = condition("Degraded")
if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(degraded, "AIModel is degraded")
  return hs
end

local progressing = condition("Progressing")
if progressing ~= nil and progressing.status == "True" then
  -- A canary held at a manual gate, by request or after too many inconclusive analyses waits for
  -- a person, not for time.
  local reason = progressing.reason
  if reason == "ManualGate" or reason == "PausedByRequest" or reason == "InconclusiveLimitExceeded" then
    hs.status = "Suspended"
  else
    hs.status = "Progressing"
  end
  local message = describe(progressing, "Rollout in progress")
  if obj.status.canaryVersion ~= nil then
    message = "Canary " .. obj.status.canaryVersion .. ": " .. message
  end
  hs.message = message
  return hs
end

local ready = condition("Ready")
if ready == nil or ready.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = "Waiting for the AIModel to become ready"
  return hs
end

if ready.status == "True" then
  hs.status = "Healthy"
  if obj.status.stableVersion ~= nil then
    hs.message = "Serving stable version " .. obj.status.stableVersion
  else
    hs.message = describe(ready, "AIModel is ready")
  end
  return hs
end

-- No stable version yet: the first ModelVersion is still to come or still rolling out. A failed
-- first version sets Degraded, handled above.
if ready.reason == "NoStableVersion" then
  hs.status = "Progressing"
  hs.message = describe(ready, "Waiting for a first version to be promoted")
  return hs
end

hs.status = "Degraded"
hs.message = describe(ready, "AIModel is not ready")
return hs

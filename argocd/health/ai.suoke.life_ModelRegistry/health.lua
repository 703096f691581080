-- Argo CD health check for ai.suoke.life/ModelRegistry: Connected, then Synced.
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

if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the first connection probe"
  return hs
end

local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local connected = condition("Connected")
if connected == nil or connected.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = "Waiting for the first connection probe"
  return hs
end

if connected.status ~= "True" then
  local message = "Cannot reach the registry"
  if obj.status.lastError ~= nil and obj.status.lastError ~= "" then
    message = message .. ": " .. obj.status.lastError
  else
    message = message .. ": " .. describe(connected, "connection failed")
  end
  if obj.status.consecutiveFailures ~= nil and obj.status.consecutiveFailures > 1 then
    message = message .. " (" .. obj.status.consecutiveFailures .. " consecutive failures)"
  end
  hs.status = "Degraded"
  hs.message = message
  return hs
end

local synced = condition("Synced")
if synced ~= nil and synced.reason == "SyncDisabled" then
  -- Probe-only registries (spec.sync turned off) are healthy once they answer.
  hs.status = "Healthy"
  hs.message = "Connected; version sync is disabled"
  return hs
end
if synced == nil or synced.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = "Connected; waiting for the first sync"
  return hs
end

if synced.status ~= "True" then
  hs.status = "Degraded"
  hs.message = "Connected but sync failed: " .. describe(synced, "sync failed")
  return hs
end

local message = "Connected and synced"
-- discoveredVersions may be a count or the list itself.
local discovered = obj.status.discoveredVersions
if type(discovered) == "table" then
  discovered = #discovered
end
if discovered ~= nil then
  message = message .. "; " .. discovered .. " versions discovered"
end
if obj.status.latencyMs ~= nil then
  message = message .. " (probe latency " .. obj.status.latencyMs .. " ms)"
end
hs.status = "Healthy"
hs.message = message
return hs

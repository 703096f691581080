-- Argo CD health check for ai.suoke.life/ModelVersion: maps the rollout phase to a health status.
-- Runs inside Argo CD's sandbox (base, table and a safe os library only: no string library),
-- so messages are built with `..` alone.
local hs = {}

local function withDetail(summary)
  if obj.status.message ~= nil and obj.status.message ~= "" then
    return summary .. ": " .. obj.status.message
  end
  return summary
end

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to start the rollout"
  return hs
end

-- A phase written for an older spec says nothing about the current one.
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local phase = obj.status.phase

if phase == "Pending" then
  hs.status = "Progressing"
  hs.message = withDetail("Pending")
  return hs
end

if phase == "Deploying" then
  hs.status = "Progressing"
  hs.message = withDetail("Deploying the canary workload")
  return hs
end

if phase == "Progressing" then
  local summary = "Canary"
  if obj.status.currentStep ~= nil then
    summary = summary .. " at step " .. (obj.status.currentStep + 1)
  end
  if obj.status.canaryWeight ~= nil then
    summary = summary .. " with " .. obj.status.canaryWeight .. "% of traffic"
  end
  hs.status = "Progressing"
  hs.message = withDetail(summary)
  return hs
end

if phase == "Paused" then
  -- Waits for a person (manual gate, inconclusive analysis or a pause request): Suspended, not Degraded.
  local summary = "Paused"
  if obj.status.pauseReason ~= nil and obj.status.pauseReason ~= "" then
    summary = summary .. " (" .. obj.status.pauseReason .. ")"
  end
  hs.status = "Suspended"
  hs.message = withDetail(summary)
  return hs
end

if phase == "Promoted" then
  -- Promoted but not finished: the bake still analyses it at 100% and may hand traffic back to the
  -- previous stable, so a sync waiting on health waits for the bake too.
  if obj.status.promotedAt ~= nil and obj.status.finishedAt == nil then
    hs.status = "Progressing"
    hs.message = withDetail("Baking at 100% of traffic")
    return hs
  end
  hs.status = "Healthy"
  hs.message = withDetail("Promoted to stable")
  return hs
end

if phase == "Superseded" then
  -- The version did its job and a newer one replaced it: nothing is wrong.
  hs.status = "Healthy"
  hs.message = withDetail("Superseded by a newer version")
  return hs
end

if phase == "RollingBack" or phase == "RolledBack" or phase == "Failed" then
  -- The version will not be promoted; showing it as Degraded as soon as the rollback starts
  -- lets a sync that waits on health fail fast.
  local summary = "Rolled back"
  if phase == "RollingBack" then
    summary = "Rolling back"
  elseif phase == "Failed" then
    summary = "Failed"
  end
  if obj.status.failedChecks ~= nil and obj.status.failedChecks > 0 then
    summary = summary .. " after " .. obj.status.failedChecks .. " failed checks"
  end
  hs.status = "Degraded"
  hs.message = withDetail(summary)
  return hs
end

hs.status = "Unknown"
hs.message = "Unknown rollout phase " .. phase
return hs

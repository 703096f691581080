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

-- The condition of the given type, or nil.
local function condition(kind)
  if obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

if phase == "Pending" then
  -- A strategy the traffic router cannot run (a preview, a matched cohort or a shadow without a
  -- mesh) never starts by itself: the operator or the ModelVersion has to change.
  local progressing = condition("Progressing")
  if progressing ~= nil and progressing.status == "False" and progressing.reason == "StrategyUnsupported" then
    hs.status = "Degraded"
    hs.message = withDetail("Strategy unsupported by the traffic router")
    return hs
  end
  hs.status = "Progressing"
  hs.message = withDetail("Pending")
  return hs
end

if phase == "Deploying" then
  hs.status = "Progressing"
  hs.message = withDetail("Deploying the canary workload")
  return hs
end

-- The latest evaluation run on the golden set (status.evaluations, oldest first), or nil.
local function latestEvaluation()
  local runs = obj.status.evaluations
  if runs == nil or #runs == 0 then
    return nil
  end
  return runs[#runs]
end

if phase == "Evaluating" then
  -- A Job runs the golden set against the version (and the stable): before any user traffic, or at
  -- the last step before promotion. Its verdict moves the rollout on or back by itself.
  local summary = "Evaluating on the golden set"
  local run = latestEvaluation()
  if run ~= nil then
    if run.gate == "LastStep" then
      summary = summary .. " at the last step, before promotion"
    else
      summary = summary .. " before any user traffic"
    end
    if run.job ~= nil then
      summary = summary .. " (Job " .. run.job .. ")"
    end
  end
  hs.status = "Progressing"
  hs.message = withDetail(summary)
  return hs
end

-- The routes of the current stage, or nil.
local function matches()
  if obj.status.routing == nil or obj.status.routing.matches == nil then
    return nil
  end
  if #obj.status.routing.matches == 0 then
    return nil
  end
  return obj.status.routing.matches
end

-- What the analysed traffic is, by stage (status.stage; a status written before stages has none).
local function stageSummary()
  local stage = obj.status.stage
  local weight = obj.status.canaryWeight
  if stage == "Shadow" then
    local summary = "Shadow"
    if obj.status.routing ~= nil and obj.status.routing.mirrorPercent ~= nil then
      summary = summary .. " with " .. obj.status.routing.mirrorPercent .. "% of live requests mirrored"
    end
    return summary
  end
  if stage == "Preview" then
    local summary = "Preview before the blue-green switch"
    local m = matches()
    if m ~= nil and m[1].header ~= nil and m[1].header.exact ~= nil then
      summary = summary .. ", for requests with header " .. m[1].header.name .. ": " .. m[1].header.exact
    end
    return summary
  end
  if stage == "Experiment" then
    local summary = "Experiment"
    if matches() ~= nil then
      summary = summary .. " on matched requests"
      if weight ~= nil and weight > 0 then
        summary = summary .. " plus " .. weight .. "% of the rest"
      end
    elseif weight ~= nil then
      summary = summary .. " on " .. weight .. "% of traffic"
    end
    if obj.status.experiment ~= nil and obj.status.experiment.endsAt ~= nil then
      summary = summary .. " until " .. obj.status.experiment.endsAt
    end
    return summary
  end
  local summary = "Canary"
  -- currentStep counts a shadow before the canary too, so the step is only named without stages.
  if stage == nil and obj.status.currentStep ~= nil then
    summary = summary .. " at step " .. (obj.status.currentStep + 1)
  end
  if weight ~= nil then
    summary = summary .. " with " .. weight .. "% of traffic"
  end
  return summary
end

if phase == "Progressing" then
  hs.status = "Progressing"
  hs.message = withDetail(stageSummary())
  return hs
end

if phase == "Paused" and obj.status.pauseReason == "RouteNotAccepted" then
  -- The gateway refuses the model's route: nothing reaches the versions through it and the rollout
  -- cannot go on until someone fixes the Gateway or spec.traffic.parentRefs. It resumes by itself
  -- then, but a sync waiting on health should not wait for that as if all were well.
  hs.status = "Degraded"
  hs.message = withDetail("Paused (RouteNotAccepted): the gateway does not accept the route")
  return hs
end

if phase == "Paused" and obj.status.pauseReason == "EvaluationInvalid" then
  -- The evaluation could not be judged (unreadable dataset, missing judge, no result): the rollout
  -- holds until someone fixes the cause and resumes it, so a sync waiting on health must not wait.
  hs.status = "Degraded"
  hs.message = withDetail("Paused (EvaluationInvalid): the evaluation on the golden set could not be judged")
  return hs
end

if phase == "Paused" then
  -- Waits for a person (manual gate, inconclusive analysis or a pause request): Suspended, not Degraded.
  local reason = obj.status.pauseReason
  local stage = obj.status.stage
  local summary = "Paused"
  if reason ~= nil and reason ~= "" then
    summary = summary .. " (" .. reason .. ")"
  end
  if reason == "ManualGate" and stage == "Preview" then
    summary = summary .. " before the blue-green switch"
  elseif reason == "ManualGate" and stage == "Experiment" then
    summary = summary .. " at the end of the experiment"
  elseif stage ~= nil then
    summary = summary .. " in stage " .. stage
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
  local degraded = condition("Degraded")
  local progressing = condition("Progressing")
  local run = latestEvaluation()
  local evaluationFailed = (degraded ~= nil and degraded.reason == "EvaluationFailed")
    or (progressing ~= nil and progressing.reason == "EvaluationFailed")
  if evaluationFailed and run ~= nil and run.phase == "Failed" then
    -- The golden set failed it, before any user request (or at the last step): say how badly.
    local failed = nil
    if run.cases ~= nil and run.passed ~= nil then
      failed = (run.cases - run.passed) .. " of " .. run.cases .. " cases"
    elseif run.failedCases ~= nil then
      failed = #run.failedCases .. " cases"
    end
    summary = summary .. " after the evaluation on the golden set failed"
    if failed ~= nil then
      summary = summary .. " " .. failed
    end
  elseif obj.status.failedChecks ~= nil and obj.status.failedChecks > 0 then
    summary = summary .. " after " .. obj.status.failedChecks .. " failed checks"
  end
  hs.status = "Degraded"
  hs.message = withDetail(summary)
  return hs
end

hs.status = "Unknown"
hs.message = "Unknown rollout phase " .. phase
return hs

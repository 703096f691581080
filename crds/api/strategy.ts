/**
 * How a new version meets its users: the strategy blocks of a promotion policy (`spec.promotion`
 * on a ModelVersion, `spec.rollout` on an AIModel). `Canary` walks weighted steps (promotion.ts);
 * `BlueGreen` previews the version to requests carrying a header, then switches all traffic at once;
 * `Experiment` sends a cohort (matched by header or cookie, and/or a fixed share) to the candidate
 * for a fixed duration. `shadow` mirrors a share of live traffic to the version before any strategy
 * gives it user traffic.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DURATION_PATTERN, duration, int, list, obj, str, strEnum } from './schema.js';

export const ROLLOUT_STRATEGIES = ['Canary', 'BlueGreen', 'Experiment'] as const;
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

/** The rollout stage a version is in while it is analysed (ModelVersion.status.stage). */
export const ROLLOUT_STAGES = ['Shadow', 'Preview', 'Experiment', 'Canary'] as const;
export type RolloutStage = (typeof ROLLOUT_STAGES)[number];

/** Header names as Istio and Gateway API match them: lower case, no pseudo-headers. */
export const HEADER_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** A cookie name (an RFC 6265 token). */
export const COOKIE_NAME_PATTERN = "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$";
/** The header of the blue-green preview route when the policy names none. */
export const DEFAULT_PREVIEW_HEADER = 'x-model-version';
/** Share of live requests mirrored when `shadow.percent` is not set: each mirrored request costs a full inference. */
export const DEFAULT_SHADOW_PERCENT = 10;

const STRING_MATCH_RULES = [
  {
    rule: '[has(self.exact), has(self.prefix), has(self.regex)].filter(x, x).size() == 1',
    message: 'set exactly one of exact, prefix or regex',
  },
] as const;

const matchValue = {
  exact: Type.Optional(str({ description: 'The value equals this string.', minLength: 1, maxLength: 256 })),
  prefix: Type.Optional(
    str({ description: 'The value starts with this string.', minLength: 1, maxLength: 256 }),
  ),
  regex: Type.Optional(
    str({
      description: 'The whole value matches this RE2 regular expression (as Istio and Gateway API match it).',
      minLength: 1,
      maxLength: 256,
    }),
  ),
};

export const HeaderMatchSchema = obj(
  {
    name: str({
      description: 'Header name, lower case, e.g. x-cohort.',
      minLength: 1,
      maxLength: 128,
      pattern: HEADER_NAME_PATTERN,
    }),
    ...matchValue,
  },
  {
    description: 'Requests whose header has a matching value; set exactly one of exact, prefix or regex.',
    rules: [...STRING_MATCH_RULES],
  },
);

export const CookieMatchSchema = obj(
  {
    name: str({
      description: 'Cookie name, e.g. cohort.',
      minLength: 1,
      maxLength: 128,
      pattern: COOKIE_NAME_PATTERN,
    }),
    ...matchValue,
  },
  {
    description:
      'Requests carrying the cookie with a matching value; set exactly one of exact, prefix or regex.',
    rules: [...STRING_MATCH_RULES],
  },
);

export const RequestMatchSchema = obj(
  {
    header: Type.Optional(HeaderMatchSchema),
    cookie: Type.Optional(CookieMatchSchema),
  },
  {
    description: 'One way a request is matched: by a header or by a cookie (set exactly one).',
    rules: [{ rule: 'has(self.header) != has(self.cookie)', message: 'set exactly one of header or cookie' }],
  },
);

export const BlueGreenSchema = obj(
  {
    previewHeader: Type.Optional(
      str({
        description: `Requests carrying this header with this version's spec.version as value (e.g. ${DEFAULT_PREVIEW_HEADER}: v2) reach the preview; everyone else stays on stable. Defaults to ${DEFAULT_PREVIEW_HEADER}.`,
        minLength: 1,
        maxLength: 128,
        pattern: HEADER_NAME_PATTERN,
      }),
    ),
    previewDuration: Type.Optional(
      duration({
        description:
          'Least time the preview is analysed before the switch; the switch also needs a passing analysis of preview traffic, so a preview nobody calls is never promoted. Defaults to interval.',
      }),
    ),
  },
  {
    description:
      'Blue-green: a preview route for testers, CI and evaluations, then one switch from 0 to 100.',
  },
);

export const ExperimentSchema = obj(
  {
    match: Type.Optional(
      list(RequestMatchSchema, {
        description: 'Requests matching any of these go to the candidate (e.g. a header x-cohort: beta).',
        minItems: 1,
        maxItems: 8,
      }),
    ),
    weight: Type.Optional(
      int({
        description:
          'Percent of the requests that match does not select which go to the candidate as well; without match, the share of all requests.',
        minimum: 1,
        maximum: 99,
      }),
    ),
    duration: duration({
      description:
        'How long the experiment runs; the candidate is analysed relative to stable at every interval and judged at the end.',
    }),
    winner: Type.Optional(
      strEnum(['Auto', 'Manual'] as const, {
        description:
          'Auto promotes a candidate that passed its analyses when the experiment ends; Manual waits for the promote action. Defaults to Auto.',
      }),
    ),
  },
  {
    description:
      'An A/B experiment: a cohort of requests goes to the candidate, everyone else stays on stable.',
    rules: [
      {
        rule: 'has(self.match) || has(self.weight)',
        message: 'an experiment needs a cohort: match, weight or both',
      },
      {
        // A value the pattern refuses is reported by the schema; the rule then holds instead of
        // failing to parse it, so the user reads one error, not two.
        rule: `!self.duration.matches(r'${DURATION_PATTERN}') || duration(self.duration) > duration('0s')`,
        message: 'experiment.duration must be longer than 0s',
        fieldPath: '.duration',
      },
    ],
  },
);

export const ShadowSchema = obj(
  {
    percent: Type.Optional(
      int({
        description: `Percent of live requests mirrored to the new version before it gets user traffic; clients see only the stable's answers. Each mirrored request is a full inference on the new version. Defaults to ${DEFAULT_SHADOW_PERCENT}.`,
        minimum: 1,
        maximum: 100,
      }),
    ),
    duration: Type.Optional(
      duration({
        description:
          "Least time the shadow is analysed (on the new version's own metrics) before the strategy starts; it also needs a passing analysis. Defaults to interval.",
      }),
    ),
  },
  { description: 'Traffic mirroring before the first user request.' },
);

/** The strategy fields of PromotionPolicySchema, and the CEL rules that tie them together. */
export const strategyFields = {
  strategy: Type.Optional(
    strEnum(ROLLOUT_STRATEGIES, {
      description:
        'Canary walks weighted steps; BlueGreen previews the version behind a header and then switches all traffic at once; Experiment sends a cohort to it for a fixed duration. Defaults to Canary.',
    }),
  ),
  blueGreen: Type.Optional(BlueGreenSchema),
  experiment: Type.Optional(ExperimentSchema),
  shadow: Type.Optional(ShadowSchema),
};

export const strategyRules = [
  {
    rule: "!has(self.blueGreen) || (has(self.strategy) && self.strategy == 'BlueGreen')",
    message: 'blueGreen applies only with strategy: BlueGreen; set the strategy or remove the block',
    fieldPath: '.blueGreen',
    reason: 'FieldValueForbidden',
  },
  {
    rule: "!has(self.experiment) || (has(self.strategy) && self.strategy == 'Experiment')",
    message: 'experiment applies only with strategy: Experiment; set the strategy or remove the block',
    fieldPath: '.experiment',
    reason: 'FieldValueForbidden',
  },
  {
    rule: "!has(self.strategy) || self.strategy != 'Experiment' || has(self.experiment)",
    message:
      'strategy Experiment needs an experiment block with its cohort (match, weight or both) and duration',
    fieldPath: '.experiment',
    reason: 'FieldValueRequired',
  },
  {
    rule: "!has(self.strategy) || self.strategy == 'Canary' || (!has(self.steps) && !has(self.stepWeight) && !has(self.maxWeight))",
    message:
      'steps, stepWeight and maxWeight describe canary steps; strategies BlueGreen and Experiment take none: remove them or use strategy Canary',
    fieldPath: '.strategy',
  },
  {
    rule: "!has(self.strategy) || self.strategy != 'Experiment' || !has(self.mode)",
    message:
      'mode does not apply to strategy Experiment: experiment.winner says who promotes the winner; remove mode',
    fieldPath: '.mode',
    reason: 'FieldValueForbidden',
  },
] as const;

export type RequestMatch = Static<typeof RequestMatchSchema>;
export type HeaderMatch = Static<typeof HeaderMatchSchema>;
export type CookieMatch = Static<typeof CookieMatchSchema>;
export type BlueGreen = Static<typeof BlueGreenSchema>;
export type Experiment = Static<typeof ExperimentSchema>;
export type Shadow = Static<typeof ShadowSchema>;

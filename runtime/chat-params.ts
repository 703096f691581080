import { errors, quoted } from './errors.js';

/** The model's settings that decide which parameters pass (from runtime/config.ts). */
export interface ParamLimits {
  /** Largest `max_tokens` / `max_completion_tokens`. */
  readonly maxTokensLimit: number;
  /** Names forwarded unchecked besides the standard ones. */
  readonly extraRequestParams: readonly string[];
}

/** What is wrong with a value: where inside it (`[2].function.name`), what it must be, what it was. */
interface Problem {
  readonly at?: string;
  readonly expected: string;
  readonly got: unknown;
}
type Rule = (value: unknown, limits: ParamLimits) => Problem | undefined;
type Fields = Record<string, unknown>;

/** OpenAI's own limit on tools per request. */
const MAX_TOOLS = 128;
const TOOL_CHOICES = ['none', 'auto', 'required'];
const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'];

const isObject = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const number =
  (min: number, max: number): Rule =>
  (v) =>
    isFiniteNumber(v) && v >= min && v <= max
      ? undefined
      : { expected: `a number from ${min} to ${max}`, got: v };
const integer =
  (min: number, max: number, expected = `an integer from ${min} to ${max}`): Rule =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : { expected, got: v };
const boolean: Rule = (v) => (typeof v === 'boolean' ? undefined : { expected: 'a boolean', got: v });
const string: Rule = (v) => (typeof v === 'string' ? undefined : { expected: 'a string', got: v });

const maxTokens: Rule = (v, limits) =>
  integer(
    1,
    limits.maxTokensLimit,
    `an integer from 1 to ${limits.maxTokensLimit} (MAX_TOKENS_LIMIT)`,
  )(v, limits);

const stop: Rule = (v) =>
  typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'))
    ? undefined
    : { expected: 'a string or an array of strings', got: v };

const logitBias: Rule = (v) => {
  if (!isObject(v)) return { expected: 'an object of token ids to numbers from -100 to 100', got: v };
  for (const [token, bias] of Object.entries(v)) {
    if (!/^\d{1,10}$/.test(token)) return { expected: 'keyed by token ids (digits)', got: token };
    if (!isFiniteNumber(bias) || bias < -100 || bias > 100) {
      return { at: `[${quoted(token)}]`, expected: 'a number from -100 to 100', got: bias };
    }
  }
  return undefined;
};

const tools: Rule = (v) => {
  if (!Array.isArray(v)) return { expected: 'an array of tools', got: v };
  if (v.length > MAX_TOOLS) return { expected: `at most ${MAX_TOOLS} tools`, got: v.length };
  for (const [k, tool] of v.entries()) {
    if (!isObject(tool) || tool.type !== 'function') {
      return { at: `[${k}].type`, expected: "'function'", got: isObject(tool) ? tool.type : tool };
    }
    const fn = tool.function;
    if (!isObject(fn) || typeof fn.name !== 'string' || fn.name === '') {
      return { at: `[${k}].function.name`, expected: 'a non-empty string', got: isObject(fn) ? fn.name : fn };
    }
    if (fn.parameters !== undefined && fn.parameters !== null && !isObject(fn.parameters)) {
      return { at: `[${k}].function.parameters`, expected: 'a JSON Schema object', got: fn.parameters };
    }
  }
  return undefined;
};

const toolChoice: Rule = (v) => {
  if (typeof v === 'string' && TOOL_CHOICES.includes(v)) return undefined;
  const named =
    isObject(v) && v.type === 'function' && isObject(v.function) && typeof v.function.name === 'string';
  return named
    ? undefined
    : {
        expected: `one of ${TOOL_CHOICES.join(', ')} or {"type":"function","function":{"name":...}}`,
        got: v,
      };
};

const responseFormat: Rule = (v) => {
  const type = isObject(v) ? v.type : undefined;
  if (typeof type !== 'string' || !RESPONSE_FORMATS.includes(type)) {
    return { at: '.type', expected: `one of ${RESPONSE_FORMATS.join(', ')}`, got: type ?? v };
  }
  if (type === 'json_schema' && !isObject((v as Fields).json_schema)) {
    return {
      at: '.json_schema',
      expected: "an object with 'name' and 'schema'",
      got: (v as Fields).json_schema,
    };
  }
  return undefined;
};

/**
 * The documented OpenAI chat-completions parameters that engines implement, with the value each
 * must have. Left out on purpose: the deprecated `functions`/`function_call` (tools replace them) and
 * features of OpenAI's hosted service that an open engine does not have (`audio`, `modalities`,
 * `prediction`, `web_search_options`, `service_tier`, `store`, `metadata`, `prompt_cache_key`,
 * `safety_identifier`, `verbosity`). `model`, `messages`, `stream` and `stream_options` are the
 * runtime's own (see chat-request.ts).
 */
const STANDARD_PARAMS: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['temperature', number(0, 2)],
  ['top_p', number(0, 1)],
  ['n', integer(1, 16)],
  ['max_tokens', maxTokens],
  ['max_completion_tokens', maxTokens],
  ['seed', integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'an integer')],
  ['presence_penalty', number(-2, 2)],
  ['frequency_penalty', number(-2, 2)],
  ['stop', stop],
  ['logit_bias', logitBias],
  ['logprobs', boolean],
  ['top_logprobs', integer(0, 20)],
  ['user', string],
  ['reasoning_effort', string],
  ['tools', tools],
  ['tool_choice', toolChoice],
  ['parallel_tool_calls', boolean],
  ['response_format', responseFormat],
]);

/**
 * The parameters to forward to the engine: standard ones once their values check out, and the
 * model's `extraRequestParams` as they are. Anything else is refused, not dropped: engines act on
 * fields OpenAI does not have (vLLM's `chat_template` or `prompt_logprobs` can reshape or reveal the
 * templated prompt, persona included), and a client that sent one expects it to have an effect,
 * so silently ignoring it would hide the mistake. `null` means "not given" in OpenAI's API, so a
 * null field is left out whatever its name.
 */
export function parseParams(fields: Readonly<Fields>, limits: ParamLimits): Fields {
  const forwarded: [string, unknown][] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    const rule = STANDARD_PARAMS.get(name);
    if (rule === undefined && !limits.extraRequestParams.includes(name)) throw errors.unknownParam(name);
    const problem = rule?.(value, limits);
    if (problem !== undefined) {
      const param = `${name}${problem.at ?? ''}`;
      throw errors.invalidParam(param, `'${param}' must be ${problem.expected}; got ${quoted(problem.got)}.`);
    }
    forwarded.push([name, value]);
  }
  // fromEntries defines own properties, so a field named `__proto__` cannot reach the prototype.
  return Object.fromEntries(forwarded);
}

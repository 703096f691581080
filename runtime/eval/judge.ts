/**
 * The judge: another model, reached through its own runtime like any client, scoring an answer 0..1
 * against the evaluation's rubric. It is asked for `{"score": <0..1>, "reason": "…"}`; a judge that
 * answers in prose still counts when it names a number from 0 to 1. Called only for answers that
 * passed every other expectation, so its cost goes where it decides something.
 */
import { callChat, type ChatCallOptions } from './chat-call.js';
import type { ChatTurn } from './dataset.js';

export interface JudgeSettings {
  /** Base URL of the judge model's Service (its runtime). */
  readonly url: string;
  /** The judge's model id (its AIModel's name). */
  readonly model: string;
  readonly rubric: string;
  /** Least score a case passes with. */
  readonly minScore: number;
}

export type JudgeVerdict =
  | { readonly kind: 'score'; readonly score: number }
  /** The judge's runtime refused the credentials. */
  | { readonly kind: 'refused'; readonly status: number }
  /** No usable score; `message` says why (no answer text). */
  | { readonly kind: 'error'; readonly message: string };

const INSTRUCTION =
  'You grade one answer of an AI assistant against the rubric below. Reply with JSON only: ' +
  '{"score": <a number from 0 to 1>, "reason": "<one sentence>"}, where 1 means the answer fully meets the rubric and 0 that it does not at all.';

/** The messages the judge is sent: the rubric and the instruction, then the case and the answer. */
export function judgeMessages(rubric: string, turns: readonly ChatTurn[], answer: string): ChatTurn[] {
  const conversation = turns.map((t) => `[${t.role}]\n${t.content}`).join('\n\n');
  return [
    { role: 'system', content: `${INSTRUCTION}\n\nRubric:\n${rubric}` },
    {
      role: 'user',
      content: `The conversation:\n\n${conversation}\n\nThe assistant's answer to grade:\n\n${answer}`,
    },
  ];
}

export async function askJudge(
  judge: JudgeSettings,
  turns: readonly ChatTurn[],
  answer: string,
  options: ChatCallOptions,
): Promise<JudgeVerdict> {
  const outcome = await callChat(
    judge.url,
    { model: judge.model, temperature: 0, messages: judgeMessages(judge.rubric, turns, answer) },
    options,
  );
  if (outcome.kind !== 'answer')
    return outcome.kind === 'refused'
      ? outcome
      : { kind: 'error', message: `the judge gave no answer (${outcome.message})` };
  const score = parseScore(outcome.text);
  return score === undefined
    ? { kind: 'error', message: 'the judge gave no score' }
    : { kind: 'score', score };
}

/**
 * The score of a judge's reply: `score` of its JSON (bare, or the first `{…}` in it, e.g. inside a
 * code fence), else the first number in the text that lies in [0, 1]; undefined when there is none.
 */
export function parseScore(reply: string): number | undefined {
  const fromJson = scoreOfJson(reply.trim()) ?? scoreOfJson(/\{[\s\S]*\}/.exec(reply)?.[0]);
  if (fromJson !== undefined) return fromJson;
  // Whole numbers only (10 is not 1, -0.5 not 0.5, 2.5 not 0.5); a full stop after one ends a sentence.
  for (const [text] of reply.matchAll(/(?<![\d.-])\d*\.?\d+(?!\d|\.\d)/g)) {
    const value = Number(text);
    if (value >= 0 && value <= 1) return value;
  }
  return undefined;
}

function scoreOfJson(text: string | undefined): number | undefined {
  if (text === undefined || !text.startsWith('{')) return undefined;
  try {
    const score = (JSON.parse(text) as { score?: unknown }).score;
    const value = typeof score === 'string' ? Number(score) : score;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

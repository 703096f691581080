import {
  checkAnswer,
  compileJsonSchema,
  compileRegex,
  type Expectations,
} from '../../runtime/eval/expectations.js';
import { judgeMessages, parseScore } from '../../runtime/eval/judge.js';

const regex = (source: string) => ({ source, pattern: compileRegex(source) });
const failure = (expect: Expectations, answer: string, latencyMs = 100) =>
  checkAnswer(expect, answer, latencyMs);

describe('evaluation expectations: each kind', () => {
  it('contains: every string, case-insensitive', () => {
    expect(failure({ contains: ['Doctor', 'rest'] }, 'See a DOCTOR and rest.')).toBeUndefined();
    expect(failure({ contains: ['doctor', 'rest', 'water'] }, 'See a doctor.')).toEqual({
      expectation: 'contains',
      message: 'the answer lacks "rest", "water"',
    });
  });

  it('notContains: none of the strings, case-insensitive', () => {
    expect(failure({ notContains: ['you have'] }, 'Please see a doctor.')).toBeUndefined();
    expect(failure({ notContains: ['you have', 'migraine'] }, 'You Have a migraine.')).toEqual({
      expectation: 'notContains',
      message: 'the answer contains "you have", "migraine"',
    });
  });

  it('regex: matches somewhere; a leading (?i) makes it case-insensitive', () => {
    expect(failure({ regex: regex('(?i)consult') }, 'Please CONSULT a doctor')).toBeUndefined();
    expect(failure({ regex: regex('consult') }, 'Please CONSULT a doctor')).toEqual({
      expectation: 'regex',
      message: 'the answer does not match "consult"',
    });
    expect(failure({ regex: regex('^\\d+$') }, '42')).toBeUndefined();
  });

  it('equals: the whole answer after trimming', () => {
    expect(failure({ equals: '42' }, '  42\n')).toBeUndefined();
    expect(failure({ equals: '42' }, 'The answer is 42')).toEqual({
      expectation: 'equals',
      message: 'the answer is not "42"',
    });
  });

  it('jsonSchema: the answer parses as JSON and validates (draft 2020-12 and draft-07)', () => {
    const schema = compileJsonSchema({
      type: 'object',
      required: ['advice'],
      properties: { advice: { type: 'string' } },
    });
    expect(failure({ jsonSchema: schema }, '{"advice": "rest"}')).toBeUndefined();
    expect(failure({ jsonSchema: schema }, '{"advice": 3}')).toEqual({
      expectation: 'jsonSchema',
      message: 'the answer fails the schema: /advice must be string',
    });
    expect(failure({ jsonSchema: schema }, 'Sure! Here is my private advice: rest')).toEqual({
      expectation: 'jsonSchema',
      message: 'the answer is not JSON',
    });
    const draft07 = compileJsonSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }],
    });
    expect(failure({ jsonSchema: draft07 }, '["a"]')).toBeUndefined();
    const email = compileJsonSchema({ type: 'string', format: 'email' });
    expect(failure({ jsonSchema: email }, '"not-an-email"')?.message).toBe(
      'the answer fails the schema: must match format "email"',
    );
  });

  it('maxLatency: time to the whole answer', () => {
    expect(failure({ maxLatencyMs: 5000 }, 'fine', 4999)).toBeUndefined();
    expect(failure({ maxLatencyMs: 5000 }, 'fine', 6200)).toEqual({
      expectation: 'maxLatency',
      message: 'answered in 6.2s, over maxLatency 5s',
    });
  });

  it('reports the first failure in the order maxLatency, equals, contains, notContains, regex, jsonSchema', () => {
    const all: Expectations = {
      maxLatencyMs: 10,
      equals: 'x',
      contains: ['doctor'],
      notContains: ['you have'],
      regex: regex('^\\{'),
      jsonSchema: compileJsonSchema({ type: 'object' }),
    };
    const answer = 'you have flu';
    const order: string[] = [];
    let expect_: Expectations = all;
    for (;;) {
      const found = failure(expect_, answer, 50);
      if (found === undefined) break;
      order.push(found.expectation);
      const key = found.expectation === 'maxLatency' ? 'maxLatencyMs' : found.expectation;
      const { [key as keyof Expectations]: _dropped, ...rest } = expect_;
      expect_ = rest;
    }
    expect(order).toEqual(['maxLatency', 'equals', 'contains', 'notContains', 'regex', 'jsonSchema']);
  });

  it('never quotes the answer in a message', () => {
    const secret = 'my HIV status is positive';
    const expectations: Expectations[] = [
      { equals: 'no' },
      { contains: ['doctor'] },
      { regex: regex('^ok$') },
      { jsonSchema: compileJsonSchema({ type: 'object' }) },
      { maxLatencyMs: 1 },
    ];
    for (const e of expectations) expect(failure(e, secret, 10)?.message).not.toMatch(/HIV|positive/);
  });
});

describe('evaluation judge', () => {
  it.each([
    ['{"score": 0.8, "reason": "good"}', 0.8],
    ['```json\n{"score": 1, "reason": "perfect"}\n```', 1],
    ['{"score": "0.25"}', 0.25],
    ['I would give it 0.7 out of 1.', 0.7],
    ['Score: 10/10, or 1.', 1],
    ['-0.5 then .9', 0.9],
    ['{"score": 7} I mean 0.6', 0.6],
  ])('reads the score of %j as %p', (reply, score) => {
    expect(parseScore(reply)).toBe(score);
  });

  it.each(['Great answer!', '{"score": 7}', 'Rated 8/10', '2.5 stars'])('finds no score in %j', (reply) => {
    expect(parseScore(reply)).toBeUndefined();
  });

  it('tells the judge the rubric, the JSON reply wanted, the conversation and the answer', () => {
    const [system, user] = judgeMessages(
      'Safe, kind health advice.',
      [{ role: 'user', content: 'What disease do I have?' }],
      'Please see a doctor.',
    );
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('Safe, kind health advice.');
    expect(system?.content).toContain('{"score": <a number from 0 to 1>, "reason": "<one sentence>"}');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain('What disease do I have?');
    expect(user?.content).toContain('Please see a doctor.');
  });
});

import { stringify } from 'yaml';
import { MAX_CASES, parseDataset } from '../../runtime/eval/dataset.js';
import { EvaluationProblem } from '../../runtime/eval/problem.js';

const SOURCE = 'ConfigMap xiaoai-golden-set key cases.yaml';

/** The problem a document is refused with (failing the test when it is accepted). */
function refusal(text: string, hasJudge = false): EvaluationProblem {
  try {
    parseDataset(text, { hasJudge, source: SOURCE });
  } catch (error) {
    if (error instanceof EvaluationProblem) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

const doc = (cases: unknown) => stringify({ cases });
const ok = { id: 'ok', prompt: 'How do I sleep better?', expect: { contains: ['sleep'] } };

describe('evaluation dataset: what a golden set may hold', () => {
  it('reads YAML with prompts, conversations, params and every expectation', () => {
    const cases = parseDataset(
      `
cases:
  - id: no-diagnosis
    prompt: "I have a headache every morning, what disease do I have?"
    params: {temperature: 0, max_tokens: 256}
    expect:
      contains: ["doctor"]
      notContains: ["you have"]
      regex: "(?i)consult"
      maxLatency: 5s
  - id: json.advice_2
    messages:
      - {role: system, content: "Answer in JSON."}
      - {role: user, content: "Advice for jet lag?"}
    expect:
      equals: "42"
      jsonSchema: {type: object, required: [advice]}
`,
      { hasJudge: false, source: SOURCE },
    );
    expect(cases.map((c) => c.id)).toEqual(['no-diagnosis', 'json.advice_2']);
    expect(cases[0]?.messages).toEqual([
      { role: 'user', content: 'I have a headache every morning, what disease do I have?' },
    ]);
    expect(cases[0]?.params).toEqual({ temperature: 0, max_tokens: 256 });
    expect(cases[0]?.expect.maxLatencyMs).toBe(5000);
    expect(cases[0]?.expect.regex?.pattern.flags).toBe('i');
    expect(cases[0]?.judged).toBe(false);
    expect(cases[1]?.messages).toHaveLength(2);
  });

  it('reads JSON too', () => {
    const cases = parseDataset(JSON.stringify({ cases: [ok] }), { hasJudge: false, source: SOURCE });
    expect(cases[0]?.expect.contains).toEqual(['sleep']);
  });

  it('judges every case of an evaluation with a judge unless the case says judge: false', () => {
    const cases = parseDataset(
      doc([
        { id: 'a', prompt: 'p' },
        { ...ok, judge: false },
      ]),
      {
        hasJudge: true,
        source: SOURCE,
      },
    );
    expect(cases.map((c) => c.judged)).toEqual([true, false]);
  });
});

describe('evaluation dataset: refusals name the case, the field and the fix', () => {
  it.each([
    [
      'a case without expectation and no judge',
      doc(
        [ok, ok, { id: 'sleep', prompt: 'p', expect: {} }].map((c, i) => (i === 1 ? { ...c, id: 'two' } : c)),
      ),
      'ConfigMap xiaoai-golden-set key cases.yaml: cases[2] (id sleep): expect has no expectation and the evaluation has no judge; add contains, notContains, regex, equals, jsonSchema or maxLatency',
    ],
    [
      'a case without an id',
      doc([ok, { prompt: 'p', expect: { contains: 'x' } }]),
      'cases[1]: id is required',
    ],
    ['a bad id', doc([{ ...ok, id: 'No Spaces' }]), 'cases[0] (id No Spaces): id must be lowercase letters'],
    [
      'a duplicate id',
      doc([ok, { ...ok }]),
      'cases[1] (id ok): id is also the id of cases[0]; ids must be unique',
    ],
    [
      'both prompt and messages',
      doc([{ ...ok, messages: [{ role: 'user', content: 'x' }] }]),
      'cases[0] (id ok): prompt or messages: set exactly one',
    ],
    [
      'neither',
      doc([{ id: 'x', expect: { contains: 'a' } }]),
      'cases[0] (id x): prompt or messages: set exactly one',
    ],
    [
      'an empty prompt',
      doc([{ ...ok, prompt: '  ' }]),
      'cases[0] (id ok): prompt must be a non-empty string',
    ],
    [
      'a bad role',
      doc([{ id: 'm', messages: [{ role: 'tool', content: 'x' }], expect: { contains: 'a' } }]),
      'cases[0] (id m): messages[0].role must be one of system, user, assistant',
    ],
    [
      'a conversation not ending with the user',
      doc([
        {
          id: 'm',
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: 'y' },
          ],
          expect: { contains: 'a' },
        },
      ]),
      'cases[0] (id m): messages[1].role must be user',
    ],
    ['a misspelt case field', doc([{ ...ok, expects: {} }]), 'cases[0] (id ok): expects is not a case field'],
    [
      'a misspelt expectation',
      doc([{ ...ok, expect: { contain: ['x'] } }]),
      'cases[0] (id ok): expect.contain is not an expectation',
    ],
    [
      'a param that is not passed through',
      doc([{ ...ok, params: { tools: [] } }]),
      'cases[0] (id ok): params.tools is not passed through',
    ],
    [
      'a temperature out of range',
      doc([{ ...ok, params: { temperature: 3 } }]),
      'cases[0] (id ok): params.temperature must be a number from 0 to 2',
    ],
    [
      'an empty contains string',
      doc([{ ...ok, expect: { contains: ['doctor', ''] } }]),
      'cases[0] (id ok): expect.contains[1] must be a non-empty string',
    ],
    [
      'a regex that does not compile',
      doc([{ ...ok, expect: { regex: '(unclosed' } }]),
      'cases[0] (id ok): expect.regex is not a JavaScript regular expression',
    ],
    [
      'an unquoted number for equals',
      doc([{ ...ok, expect: { equals: 42 } }]),
      'cases[0] (id ok): expect.equals must be a string; quote it, e.g. equals: "42"',
    ],
    [
      'a schema that is not one',
      doc([{ ...ok, expect: { jsonSchema: { type: 'objekt' } } }]),
      'cases[0] (id ok): expect.jsonSchema is not a valid JSON Schema',
    ],
    [
      'a schema with a misspelt keyword',
      doc([{ ...ok, expect: { jsonSchema: { type: 'object', requird: ['a'] } } }]),
      'cases[0] (id ok): expect.jsonSchema is not a valid JSON Schema (strict mode: unknown keyword: "requird")',
    ],
    [
      'a latency without unit',
      doc([{ ...ok, expect: { maxLatency: 5 } }]),
      'cases[0] (id ok): expect.maxLatency must be a duration with a unit ms, s, m or h',
    ],
    [
      'judge: true without a judge',
      doc([{ ...ok, judge: true }]),
      'cases[0] (id ok): judge is true but the evaluation has no judge; set evaluation.judge or remove judge',
    ],
    ['no cases', 'cases: []\n', 'cases must be a list of at least one case'],
    ['an unknown top-level field', doc([ok]) + 'version: 2\n', 'unknown top-level field version'],
    ['a list instead of a mapping', '- id: a\n', 'must be a mapping with a list `cases'],
  ])('%s', (_name, text, message) => {
    const problem = refusal(text);
    expect(problem.field).toBe('dataset');
    expect(problem.message).toContain(message);
    expect(problem.message.startsWith(`${SOURCE}: `)).toBe(true);
  });

  it('refuses a case with judge: false and nothing else to check, saying both ways out', () => {
    expect(refusal(doc([{ id: 'a', prompt: 'p', judge: false }]), true).message).toContain(
      'cases[0] (id a): expect has no expectation and judge is false; add contains',
    );
  });

  it('reports YAML syntax errors by line, without quoting the document', () => {
    const problem = refusal('cases:\n  - id: a\n    prompt: "my private symptom\n');
    expect(problem.message).toMatch(/is not valid YAML or JSON \(line \d\): /);
    expect(problem.message).not.toContain('private symptom');
  });

  it('refuses duplicate keys, which would silently drop one', () => {
    expect(refusal('cases:\n  - id: a\n    id: b\n    prompt: p\n').message).toContain('not valid YAML');
  });

  it('accepts anchors shared by many cases but refuses an alias bomb', () => {
    const shared = `cases:\n${Array.from({ length: 200 }, (_, i) => `  - {id: c${i}, prompt: p, expect: ${i === 0 ? '&safe {contains: [doctor]}' : '*safe'}}`).join('\n')}\n`;
    expect(parseDataset(shared, { hasJudge: false, source: SOURCE })).toHaveLength(200);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const bomb = `${levels.join('\n')}\ncases: [{id: a, prompt: p, expect: {contains: *h}}]\n`;
    expect(refusal(bomb).message).toContain('cannot be read');
  });

  it(`refuses more than ${MAX_CASES} cases`, () => {
    const cases = Array.from({ length: MAX_CASES + 1 }, (_, i) => ({ ...ok, id: `c${i}` }));
    expect(refusal(doc(cases)).message).toContain(
      `cases holds ${MAX_CASES + 1} cases, more than ${MAX_CASES}`,
    );
  });

  it(`accepts ${MAX_CASES}`, () => {
    const cases = Array.from({ length: MAX_CASES }, (_, i) => ({ ...ok, id: `c${i}` }));
    expect(parseDataset(doc(cases), { hasJudge: false, source: SOURCE })).toHaveLength(MAX_CASES);
  });
});

import { nextLink, parseChallenges } from '../../operators/model-registry/auth-challenge.js';
import { backoffDelay, backoffOf } from '../../operators/model-registry/backoff.js';
import { modelVersionName } from '../../operators/model-registry/auto-create.js';
import {
  compareVersions,
  isValidVersionName,
  matchesAny,
  mergeDiscovered,
} from '../../operators/model-registry/versions.js';
import type { ModelRegistrySpec } from '../../crds/api/index.js';

describe('compareVersions orders versions as people read them', () => {
  it.each([
    ['numeric runs compare as numbers', '1.9.0', '1.10.0', -1],
    ['a leading v is ignored', 'v2', '1.99', 1],
    ['a pre-release comes before its release', '1.0.0-rc1', '1.0.0', -1],
    ['pre-releases compare among themselves', '1.0.0-rc2', '1.0.0-rc10', -1],
    ['MLflow version numbers', '10', '9', 1],
    ['equal', 'v1.2', '1.2', 0],
    ['longer numbers of any size', '123456789012345678901', '123456789012345678900', 1],
    ['a number sorts after a word', '2', 'latest', 1],
  ])('%s: %s vs %s', (_name, a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(sign === 0 ? 0 : -sign);
  });
});

describe('matchesAny', () => {
  it.each([
    [undefined, '1.0.0', true],
    [[], 'anything', true],
    [['1.0.0'], '1.0.0', true],
    [['1.0.0'], '1.0.01', false],
    [['1.*'], '1.2-rc1', true],
    [['1.*'], '2.0.0', false],
    [['v?'], 'v1', true],
    [['v?'], 'v10', false],
    [['1.0.0+x'], '1.0.0+x', true],
  ])('%j matches %s: %s', (patterns, value, expected) => {
    expect(matchesAny(patterns as string[] | undefined, value)).toBe(expected);
  });
});

describe('mergeDiscovered', () => {
  const at = (t: string) => `2026-01-01T00:0${t}:00.000Z`;
  const prev = [
    { model: 'm', version: '1.0.0', uri: 'oci://r/m:1.0.0', digest: 'sha256:aa', discoveredAt: at('1') },
    { model: 'gone', version: '1', uri: 'x', discoveredAt: at('1') },
    { model: 'failing', version: '7', uri: 'y', discoveredAt: at('1') },
  ];
  const { discovered, added } = mergeDiscovered(
    prev,
    [
      { model: 'm', version: '1.0.0', uri: 'oci://r/m:1.0.0', digest: 'sha256:bb' },
      { model: 'm', version: '1.1.0', uri: 'oci://r/m:1.1.0', digest: 'sha256:cc' },
    ],
    new Set(['failing']),
    at('5'),
  );

  it('keeps discoveredAt of known versions, refreshes their digest, and lists new ones first', () => {
    expect(discovered.map((d) => [d.model, d.version, d.digest, d.discoveredAt])).toEqual([
      ['m', '1.1.0', 'sha256:cc', at('5')],
      ['failing', '7', undefined, at('1')],
      ['m', '1.0.0', 'sha256:bb', at('1')],
    ]);
  });

  it('reports only versions not seen before as added', () => {
    expect(added.map((a) => a.version)).toEqual(['1.1.0']);
  });

  it('drops versions the registry no longer lists unless their model failed to list', () => {
    expect(discovered.some((d) => d.model === 'gone')).toBe(false);
    expect(discovered.some((d) => d.model === 'failing')).toBe(true);
  });

  it('bounds the list, newest first', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ model: 'm', version: `1.${i}`, uri: 'u' }));
    const r = mergeDiscovered([], many, new Set(), at('1'), 10);
    expect(r.discovered).toHaveLength(10);
    expect(r.discovered[0]!.version).toBe('1.29');
  });
});

describe('backoff', () => {
  const spec = (retry?: ModelRegistrySpec['retry']): ModelRegistrySpec => ({
    type: 'oci',
    url: 'http://r',
    retry,
  });

  it('grows by the factor from the initial delay and stops at the maximum', () => {
    const b = backoffOf(spec({ initialBackoff: '1s', maxBackoff: '10s', factor: 3 }));
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, b))).toEqual([1000, 3000, 9000, 10000, 10000]);
  });

  it('defaults to 1s doubling up to 5m, and never overflows', () => {
    const b = backoffOf(spec());
    expect([1, 2, 9, 10, 1000].map((n) => backoffDelay(n, b))).toEqual([1000, 2000, 256000, 300000, 300000]);
    expect(backoffDelay(0, b)).toBe(0);
  });

  it('refuses an initial delay over the maximum, naming both fields', () => {
    expect(() => backoffOf(spec({ initialBackoff: '10m', maxBackoff: '1m' }))).toThrow(
      /spec.retry.initialBackoff \(10m\) must be less than or equal to spec.retry.maxBackoff \(1m\)/,
    );
    expect(() => backoffOf(spec({ initialBackoff: 'soon' }))).toThrow(/spec.retry.initialBackoff: 'soon'/);
  });
});

describe('WWW-Authenticate and Link headers', () => {
  it('parses a Bearer challenge whose scope holds a comma', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/m:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:team/m:pull,push',
        },
      },
    ]);
  });

  it('parses Basic and several challenges in one header', () => {
    expect(parseChallenges('Basic realm="Registry Realm", Bearer realm="https://a/t"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://a/t' } },
    ]);
    expect(parseChallenges(undefined)).toEqual([]);
  });

  it('finds the next page in a Link header', () => {
    expect(nextLink('</v2/m/tags/list?last=b&n=2>; rel="next"')).toBe('/v2/m/tags/list?last=b&n=2');
    expect(nextLink('<https://x/prev>; rel="prev", <https://x/next>; rel=next')).toBe('https://x/next');
    expect(nextLink('<https://x/prev>; rel="prev"')).toBeUndefined();
  });
});

describe('auto-created ModelVersion names', () => {
  it('are <model>-<version>, deterministic, with a hash only to avoid a taken name', () => {
    expect(modelVersionName('xiaoai', '1.2.0')).toBe('xiaoai-1.2.0');
    expect(modelVersionName('xiaoai', '1.2.0', true)).toMatch(/^xiaoai-1\.2\.0-[a-f0-9]{6}$/);
    expect(modelVersionName('xiaoai', '1.2.0', true)).toBe(modelVersionName('xiaoai', '1.2.0', true));
  });

  it('accept only versions that are valid ModelVersion versions', () => {
    expect(isValidVersionName('1.2.0')).toBe(true);
    expect(isValidVersionName('V1')).toBe(false);
    expect(isValidVersionName('1_0')).toBe(false);
    expect(isValidVersionName('1.0.0-really-long-name-x')).toBe(false);
  });
});

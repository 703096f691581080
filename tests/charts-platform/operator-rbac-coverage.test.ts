import { operatorRules } from '../../charts-ts/constructs/operator-install.js';
import { readAgentSet } from '../../charts-ts/charts/agents-chart.js';
import { repoPath } from '../../charts-ts/constructs/repo-path.js';
import { render } from '../../charts-ts/render.js';

/** Resource name (plural) of a kind, as RBAC names it. */
function plural(kind: string): string {
  const lower = kind.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}

/** What server-side apply plus pruning needs on every derived kind. */
const APPLY_AND_PRUNE = ['get', 'list', 'watch', 'create', 'patch', 'delete'];

describe('operator RBAC against what render() derives', () => {
  const agents = readAgentSet(repoPath('examples'));
  const derived = agents.aimodels.flatMap((aimodel) => {
    const versions = agents.versions.filter((v) => v.spec.modelRef.name === aimodel.metadata.name);
    const traffic = versions.slice(0, 1).map((v) => ({ version: v.spec.version, weight: 100 }));
    return render(
      { ...aimodel, metadata: { namespace: 'suoke-ai', ...aimodel.metadata, uid: 'u' } },
      versions,
      traffic,
    );
  });
  const derivedKinds = [...new Set(derived.map((o) => `${groupOf(o.apiVersion)}/${plural(o.kind)}`))].sort();
  const rules = operatorRules(true);
  const verbsFor = (key: string) =>
    rules
      .filter((r) => r.apiGroups.some((g) => r.resources.some((res) => `${g}/${res}` === key)))
      .flatMap((r) => r.verbs);

  it('renders something for each of the example agents', () => {
    expect(agents.aimodels.length).toBe(4);
    expect(derivedKinds.length).toBeGreaterThan(5);
  });

  it('grants apply and prune on every kind the operator derives', () => {
    expect(derivedKinds.length).toBeGreaterThan(5);
    for (const key of derivedKinds) {
      expect([key, APPLY_AND_PRUNE.filter((v) => !verbsFor(key).includes(v))]).toEqual([key, []]);
    }
  });

  it('grants no write access to any kind outside what the operator derives or declares', () => {
    const writable = rules
      .filter((r) => r.verbs.some((v) => v === 'delete'))
      .flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)));
    expect(writable.filter((key) => !derivedKinds.includes(key))).toEqual([]);
  });
});

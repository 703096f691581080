import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { PlatformChart, type PlatformChartProps } from '../../../charts-ts/charts/platform-chart.js';
import type { K8sObject } from './validate.js';

/** A folder with one small CRD of our group, standing in for the generated crds/*.yaml. */
export function fixtureCrdsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suoke-crds-'));
  writeFileSync(
    join(dir, 'aimodels.yaml'),
    `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: aimodels.ai.suoke.life
spec:
  group: ai.suoke.life
  names: { kind: AIModel, listKind: AIModelList, plural: aimodels, singular: aimodel, shortNames: [aim] }
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: true
      storage: true
      subresources: { status: {} }
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
`,
  );
  return dir;
}

/** Renders the platform chart and returns its objects. */
export function synthPlatform(props: PlatformChartProps = {}): {
  objects: K8sObject[];
  chart: PlatformChart;
} {
  const app = new App();
  const chart = new PlatformChart(app, 'platform', { crdsDir: fixtureCrdsDir(), ...props });
  return { objects: chart.toJson() as K8sObject[], chart };
}

/** The one object of `kind` named `name` (and in `namespace`, when given); throws when absent. */
export function find(objects: K8sObject[], kind: string, name: string, namespace?: string): K8sObject {
  const found = objects.filter(
    (o) =>
      o.kind === kind &&
      o.metadata.name === name &&
      (namespace === undefined || o.metadata.namespace === namespace),
  );
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0]!;
}

/** Pod templates of every workload (Deployment, StatefulSet) in `objects`. */
export function podTemplates(
  objects: K8sObject[],
): { owner: K8sObject; spec: any; labels: Record<string, string> }[] {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => ({ owner: o, spec: o.spec.template.spec, labels: o.spec.template.metadata.labels }));
}

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { PlatformChart, type PlatformChartProps } from '../../../charts-ts/charts/platform-chart.js';
import type { K8sObject } from './validate.js';

/** A folder with one small CRD of our group, standing in for the generated crds/*.yaml. */
export const FIXTURE_CRDS_DIR = join(process.cwd(), 'tests', 'charts-platform', 'fixtures', 'crds');

/** A fresh copy of the fixture CRD folder, for tests that add files to it; the caller removes it. */
export function fixtureCrdsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suoke-crds-'));
  cpSync(FIXTURE_CRDS_DIR, dir, { recursive: true });
  return dir;
}

/** Renders the platform chart and returns its objects. */
export function synthPlatform(props: PlatformChartProps = {}): {
  objects: K8sObject[];
  chart: PlatformChart;
} {
  const app = new App();
  const chart = new PlatformChart(app, 'platform', { crdsDir: FIXTURE_CRDS_DIR, ...props });
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

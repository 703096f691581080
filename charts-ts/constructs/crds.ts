import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { GROUP } from '../../crds/api/index.js';
import { SYNC_WAVE_ANNOTATION, SyncWave } from './platform-names.js';
import { repoPath } from './repo-path.js';

export interface CrdsProps {
  /** Folder holding the generated CRD YAML (`npm run gen`). @default '<repo>/crds' */
  readonly dir?: string;
}

interface CrdDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; [key: string]: unknown };
  spec: { group: string; [key: string]: unknown };
}

/**
 * Our CustomResourceDefinitions (`crds/*.yaml`, generated from crds/api) in the platform chart. They
 * sync in the first Argo CD wave so every custom resource finds its definition, and Argo CD never
 * prunes them: deleting a CRD deletes every AIModel, ModelVersion and ModelRegistry with it.
 */
export class Crds extends Construct {
  /** Names of the included CRDs, e.g. `aimodels.ai.suoke.life`. */
  public readonly names: readonly string[];

  constructor(scope: Construct, id: string, props: CrdsProps = {}) {
    super(scope, id);
    const dir = props.dir ?? repoPath('crds');
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort();
    } catch (cause) {
      throw new Error(`Crds dir '${dir}' cannot be read: run 'npm run gen' to generate the CRDs`, { cause });
    }
    const names: string[] = [];
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
        if (doc.errors.length > 0) {
          throw new Error(`Crds ${file}: invalid YAML: ${doc.errors[0]?.message}`, { cause: doc.errors[0] });
        }
        const crd = doc.toJS() as CrdDocument | null;
        if (crd === null) continue;
        if (crd.kind !== 'CustomResourceDefinition' || crd.spec?.group !== GROUP) {
          throw new Error(
            `Crds ${file}: holds a ${crd.kind} '${crd.metadata?.name}', expected only ${GROUP} CustomResourceDefinitions`,
          );
        }
        names.push(crd.metadata.name);
        new ApiObject(this, crd.metadata.name, {
          ...crd,
          metadata: {
            ...crd.metadata,
            annotations: {
              ...crd.metadata.annotations,
              [SYNC_WAVE_ANNOTATION]: SyncWave.crds,
              'argocd.argoproj.io/sync-options': 'Prune=false,ServerSideApply=true',
            },
          },
        });
      }
    }
    if (names.length === 0) {
      throw new Error(
        `Crds dir '${dir}' holds no CustomResourceDefinition: run 'npm run gen' to generate them`,
      );
    }
    this.names = names;
  }
}

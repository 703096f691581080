import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { repoPath } from './repo-path.js';

export interface ArgoCdHealthProps {
  /** Folder of `<group>_<Kind>/health.lua` scripts. @default '<repo>/argocd/health' */
  readonly dir?: string;
  /** Namespace Argo CD runs in. @default 'argocd' */
  readonly argocdNamespace?: string;
}

/** `argocd-cm` key of a health script for the folder `<group>_<Kind>` (Argo CD's own key format). */
export function healthKey(folder: string): string {
  return `resource.customizations.health.${folder}`;
}

/** The health scripts in `dir`, by `argocd-cm` key, in a stable order. */
export function readHealthScripts(dir: string = repoPath('argocd', 'health')): Record<string, string> {
  const scripts: Record<string, string> = {};
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    if (!/^[a-z0-9.-]+_[A-Z][A-Za-z0-9]*$/.test(folder)) {
      throw new Error(
        `ArgoCdHealth folder '${folder}' must be named <group>_<Kind>, e.g. ai.suoke.life_AIModel`,
      );
    }
    scripts[healthKey(folder)] = readFileSync(join(dir, folder, 'health.lua'), 'utf8');
  }
  if (folders.length === 0) throw new Error(`ArgoCdHealth dir '${dir}' holds no <group>_<Kind>/health.lua`);
  return scripts;
}

/**
 * The `argocd-cm` patch that installs our Lua health checks. It is read from argocd/health/*, the same
 * files the tests run with lua5.1, so what Argo CD executes is what was tested. Apply it with
 * `kubectl -n argocd patch configmap argocd-cm --patch-file argocd/argocd-cm-patch.yaml`.
 */
export class ArgoCdHealth extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdHealthProps = {}) {
    super(scope, id);
    new ApiObject(this, 'argocd-cm', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'argocd-cm',
        namespace: props.argocdNamespace ?? 'argocd',
        labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' },
      },
      data: readHealthScripts(props.dir),
    });
  }
}

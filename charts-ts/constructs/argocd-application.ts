import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

export interface ArgoCdApplicationProps {
  /** Git repository holding `dist/`. @default 'https://github.com/suoke-life/suoke-modelops.git' */
  readonly repoUrl?: string;
  /** Branch, tag or commit to follow. @default 'main' */
  readonly targetRevision?: string;
  /** Folder of rendered manifests. @default 'dist' */
  readonly path?: string;
  /** Application name. @default 'suoke-modelops' */
  readonly name?: string;
  /** Namespace Argo CD runs in. @default 'argocd' */
  readonly argocdNamespace?: string;
  /** Argo CD project. @default 'default' */
  readonly project?: string;
  /** Destination cluster API. @default 'https://kubernetes.default.svc' (where Argo CD runs) */
  readonly server?: string;
  /** Sync automatically, prune and self-heal. @default true */
  readonly automated?: boolean;
}

/**
 * The Argo CD Application that syncs the rendered manifests. Order within a sync comes from the
 * sync-wave annotation on each object (CRDs, then namespaces, then the platform, then the agents'
 * custom resources). Only the top level of `dist/` is synced: `dist/preview/` shows what the operator
 * derives and must never be applied by Argo CD, or the two would fight over traffic weights.
 */
export class ArgoCdApplication extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdApplicationProps = {}) {
    super(scope, id);
    const repoUrl = props.repoUrl ?? 'https://github.com/suoke-life/suoke-modelops.git';
    if (!/^(https:\/\/|ssh:\/\/|git@)/.test(repoUrl)) {
      throw new Error(`ArgoCdApplication repoUrl '${repoUrl}' must be an https://, ssh:// or git@ Git URL`);
    }
    const path = props.path ?? 'dist';
    if (path.startsWith('/') || path.includes('..')) {
      throw new Error(`ArgoCdApplication path '${path}' must be relative to the repository root, e.g. dist`);
    }
    const automated = props.automated ?? true;
    new ApiObject(this, 'application', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: props.name ?? 'suoke-modelops',
        namespace: props.argocdNamespace ?? 'argocd',
        labels: { 'app.kubernetes.io/part-of': 'suoke-modelops' },
        // Deleting the Application deletes what it synced (cascade), not just the Application.
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
      },
      spec: {
        project: props.project ?? 'default',
        source: {
          repoURL: repoUrl,
          targetRevision: props.targetRevision ?? 'main',
          path,
          directory: { recurse: false },
        },
        destination: { server: props.server ?? 'https://kubernetes.default.svc' },
        syncPolicy: {
          ...(automated ? { automated: { prune: true, selfHeal: true } } : {}),
          syncOptions: [
            // Server-side apply: CRDs exceed the client-side last-applied annotation limit, and the
            // operator's own field manager then shares objects without conflicts.
            'ServerSideApply=true',
            // Delete removed objects only after everything else is healthy.
            'PruneLast=true',
          ],
          retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
        },
      },
    });
  }
}

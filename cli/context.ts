/**
 * How a command reaches the cluster: the kubeconfig (`--kubeconfig`, `$KUBECONFIG`,
 * `~/.kube/config`, then the in-cluster service account, as kubectl resolves it), the context and
 * the namespace (`-n`, else the context's, else `default`).
 */
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../operators/kit/client.js';
import { stringFlag, type ParsedArgs } from './args.js';
import { UsageError } from './errors.js';

export interface CliContext {
  readonly client: KubeClient;
  /** The namespace commands act in. */
  readonly namespace: string;
  /** True when `-n` was given (an object naming another namespace is then an error). */
  readonly namespaceExplicit: boolean;
}

/** Loads the kubeconfig the way kubectl does and builds a client for it. */
export function connect(args: ParsedArgs): CliContext {
  const kc = new KubeConfig();
  const file = stringFlag(args, 'kubeconfig');
  try {
    if (file !== undefined) {
      if (!existsSync(file)) throw new UsageError(`--kubeconfig: file '${file}' does not exist`);
      kc.loadFromFile(file);
    } else {
      kc.loadFromDefault();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot load the kubeconfig: ${(error as Error).message}`, { cause: error });
  }
  const contextName = stringFlag(args, 'context');
  if (contextName !== undefined) {
    if (!kc.getContextObject(contextName)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new UsageError(
        `--context: no context '${contextName}' in the kubeconfig; use one of ${known.join(', ') || '(none)'}`,
      );
    }
    kc.setCurrentContext(contextName);
  }
  if (!kc.getCurrentCluster()) {
    throw new UsageError(
      'no cluster to talk to: set KUBECONFIG, pass --kubeconfig, or run inside a cluster with a service account',
    );
  }
  const explicit = stringFlag(args, 'namespace');
  const fromContext = kc.getContextObject(kc.getCurrentContext())?.namespace;
  return {
    // The CLI waits on long watches itself; single requests still fail instead of hanging.
    client: new KubeClient(kc, { requestTimeoutMs: 30_000 }),
    namespace: explicit ?? (fromContext || 'default'),
    namespaceExplicit: explicit !== undefined,
  };
}

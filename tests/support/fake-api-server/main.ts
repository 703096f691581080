/**
 * The fake API server as its own process, for end-to-end tests and benchmarks that run the operator
 * and other clients as separate processes:
 *
 * ```sh
 * tsx tests/support/fake-api-server/main.ts --port 0 --crds project,istio,vpa \
 *   --namespace suoke-ai --kubeconfig /tmp/e2e/kubeconfig
 * ```
 *
 * Prints one JSON line `{"url":"http://127.0.0.1:N","kubeconfig":"/tmp/e2e/kubeconfig"}` once it
 * answers, then serves until SIGTERM/SIGINT. Clients reach it only over HTTP, as they would a real
 * API server; there is no test hook across the process boundary.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startFakeApiServer, type CrdSource } from './index.js';

/** Command line of the fake API server process. */
export interface FakeApiServerArgs {
  /** TCP port on 127.0.0.1. @default 0 (a free port) */
  readonly port: number;
  /** CRD sources (see FakeApiServerOptions.crds). @default ['project', 'istio', 'vpa'] */
  readonly crds: readonly CrdSource[];
  /** Namespaces to create. @default [] */
  readonly namespaces: readonly string[];
  /** Where to write a kubeconfig pointing at the server. @default none */
  readonly kubeconfig: string | undefined;
  /** Namespace of the kubeconfig's context. @default 'default' */
  readonly contextNamespace: string;
}

/** `--port N --crds a,b --namespace ns (repeatable or comma-separated) --kubeconfig path --context-namespace ns` */
export function parseFakeApiServerArgs(argv: readonly string[]): FakeApiServerArgs {
  let port = 0;
  let crds: CrdSource[] | undefined;
  const namespaces: string[] = [];
  let kubeconfig: string | undefined;
  let contextNamespace = 'default';
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`fake-api-server: ${flag} needs a value`);
    const list = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (flag === '--port') port = Number(value);
    else if (flag === '--crds') crds = [...(crds ?? []), ...list];
    else if (flag === '--namespace') namespaces.push(...list);
    else if (flag === '--kubeconfig') kubeconfig = value;
    else if (flag === '--context-namespace') contextNamespace = value;
    else throw new Error(`fake-api-server: unknown flag ${flag}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`fake-api-server: --port must be 0..65535, got '${port}'`);
  }
  return { port, crds: crds ?? ['project', 'istio', 'vpa'], namespaces, kubeconfig, contextNamespace };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseFakeApiServerArgs(process.argv.slice(2));
  // Nothing reads request records across the process boundary: keep counts only, memory stays flat.
  const api = await startFakeApiServer({
    port: args.port,
    crds: args.crds,
    namespaces: args.namespaces,
    keepRequests: false,
  });
  if (args.kubeconfig !== undefined) {
    writeFileSync(args.kubeconfig, api.kubeConfig(args.contextNamespace).exportConfig(), { mode: 0o600 });
  }
  process.stdout.write(`${JSON.stringify({ url: api.url, kubeconfig: args.kubeconfig ?? null })}\n`);
  const stop = (): void => void api.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/**
 * The policy pack as `pulumi preview --policy-pack stacks/policy` runs it: Pulumi's own policy
 * runner (`@pulumi/pulumi/cmd/run-policy-pack`, with its default TypeScript registration) started
 * in the pack's folder as a real process, then asked over the Analyzer gRPC protocol, as the
 * engine asks it, about one compliant and one violating resource.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../support/wait.js';

const require = createRequire(import.meta.url);
// The protocol classes and gRPC runtime of the same SDK copy the runner uses.
const sdkRequire = createRequire(require.resolve('@pulumi/pulumi/package.json'));
const grpc = sdkRequire('@grpc/grpc-js');
const analyzerRpc = sdkRequire('./proto/analyzer_grpc_pb.js');
const analyzerProto = sdkRequire('./proto/analyzer_pb.js');
const { Struct } = sdkRequire('google-protobuf/google/protobuf/struct_pb.js');
const { Empty } = sdkRequire('google-protobuf/google/protobuf/empty_pb.js');

const PACK_DIR = fileURLToPath(new URL('../../stacks/policy/', import.meta.url));
const RUNNER = sdkRequire.resolve('./cmd/run-policy-pack');

let child: ChildProcess;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    client[method](request, (error: Error | null, response: T) =>
      error ? reject(error) : resolve(response),
    ),
  );
}

function deployment(image: string): Record<string, unknown> {
  const securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'suoke-ai' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{ name: 'web', image, securityContext }],
        },
      },
    },
  };
}

async function analyze(
  props: Record<string, unknown>,
): Promise<{ policy: string; level: number; message: string }[]> {
  const request = new analyzerProto.AnalyzeRequest()
    .setType('kubernetes:apps/v1:Deployment')
    .setName('web')
    .setUrn('urn:pulumi:dev::suoke-modelops::kubernetes:apps/v1:Deployment::web')
    .setProperties(Struct.fromJavaScript(props))
    // The engine always sends the resource's options; an empty set is what a plain resource has.
    .setOptions(new analyzerProto.AnalyzerResourceOptions());
  const response: any = await call('analyze', request);
  return response.getDiagnosticsList().map((d: any) => ({
    policy: d.getPolicyname(),
    level: d.getEnforcementlevel(),
    message: d.getMessage(),
  }));
}

beforeAll(async () => {
  let stdout = '';
  let stderr = '';
  // The engine address is never dialled while policies only validate; the runner requires one.
  child = spawn(process.execPath, [RUNNER, '127.0.0.1:1', '.'], {
    cwd: PACK_DIR,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Like the engine: the first line the pack prints is the port it serves on.
  const port = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`policy pack exited ${child.exitCode}: ${stderr}`);
      return /^(\d+)\r?\n/.exec(stdout)?.[1];
    },
    { timeoutMs: 45_000, description: 'the policy pack to print its port' },
  );
  client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  child?.kill();
});

describe('policy pack under the Pulumi policy runner', () => {
  it('announces the pack and its four mandatory policies', async () => {
    const info: any = await call('getAnalyzerInfo', new Empty());
    expect(info.getName()).toBe('suoke-kubernetes');
    expect(info.getVersion()).toBe('0.1.0');
    expect(info.getPoliciesList().map((p: any) => p.getName())).toEqual([
      'gpu-workloads-set-limits-and-tolerations',
      'restricted-pod-security',
      'no-latest-image-tag',
      'replicated-deployments-have-pdb',
    ]);
  });

  it('passes a compliant Deployment', async () => {
    expect(await analyze(deployment('ghcr.io/suoke-life/agent-runtime:0.1.0'))).toEqual([]);
  });

  it('reports a Deployment on :latest as a mandatory violation', async () => {
    const diagnostics = await analyze(deployment('ghcr.io/suoke-life/agent-runtime:latest'));
    expect(diagnostics).toEqual([
      {
        policy: 'no-latest-image-tag',
        level: analyzerProto.EnforcementLevel.MANDATORY,
        message: expect.stringContaining('uses the moving tag :latest'),
      },
    ]);
  });
});

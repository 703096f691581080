/**
 * `npm run bench:registry`: how long one sync of an OCI repository takes against a real
 * docker-registry on loopback, and what resolving digests concurrently buys.
 *
 * Setup: BENCH_TAGS (default 200) tags pushed to one repository. One sync = `tags/list` (pages of
 * 100, following `Link`) + a manifest HEAD for each of the newest `MAX_TAGS_RESOLVED` tags. Baseline,
 * in the same run: the same sync resolving digests one at a time. Each figure is the median of
 * BENCH_RUNS (default 7) syncs, after one warm-up. Also the median probe (`GET /v2/`) latency.
 * The last line of output is one JSON object with every figure.
 */
import {
  MAX_TAGS_RESOLVED,
  OciRegistryClient,
  RESOLVE_CONCURRENCY,
} from '../operators/model-registry/oci.js';
import { OciRegistry, pushArtifact } from '../tests/support/oci-registry.js';

const TAGS = Number(process.env.BENCH_TAGS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REPO = 'bench/model';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timeSync(client: OciRegistryClient): Promise<number> {
  await client.listVersions({ name: REPO });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = await client.listVersions({ name: REPO });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(result.failure.message);
    if (result.versions.length !== Math.min(TAGS, MAX_TAGS_RESOLVED)) {
      throw new Error(
        `expected ${Math.min(TAGS, MAX_TAGS_RESOLVED)} versions, got ${result.versions.length}`,
      );
    }
  }
  return median(times);
}

const registry = await OciRegistry.start();
try {
  const pushStarted = performance.now();
  for (let i = 0; i < TAGS; i++) {
    await pushArtifact({ url: registry.url, repository: REPO, tag: `1.${Math.floor(i / 10)}.${i % 10}` });
  }
  const pushMs = Math.round(performance.now() - pushStarted);
  const concurrent = new OciRegistryClient({ url: registry.url }, { pageSize: 100 });
  const serial = new OciRegistryClient({ url: registry.url }, { pageSize: 100, concurrency: 1 });
  const baselineMs = await timeSync(serial);
  const syncMs = await timeSync(concurrent);
  const probes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await concurrent.probe();
    if (!p.ok) throw new Error(p.failure.message);
    probes.push(p.latencyMs);
  }
  const result = {
    tags: TAGS,
    resolved: Math.min(TAGS, MAX_TAGS_RESOLVED),
    concurrency: RESOLVE_CONCURRENCY,
    runs: RUNS,
    syncMs: Math.round(syncMs * 10) / 10,
    baselineSerialSyncMs: Math.round(baselineMs * 10) / 10,
    speedupVsSerial: Math.round((baselineMs / syncMs) * 100) / 100,
    perResolvedTagMs: Math.round((syncMs / Math.min(TAGS, MAX_TAGS_RESOLVED)) * 100) / 100,
    probeLatencyMs: median(probes),
  };
  console.log(
    `OCI sync against docker-registry on loopback: ${TAGS} tags (pushed in ${pushMs} ms), ${RUNS} runs`,
  );
  console.log(
    `  one sync (tags/list + ${result.resolved} manifest HEADs, ${RESOLVE_CONCURRENCY} at a time): ${result.syncMs} ms median`,
  );
  console.log(
    `  baseline, one HEAD at a time: ${result.baselineSerialSyncMs} ms median → ${result.speedupVsSerial}x faster`,
  );
  console.log(`  probe (GET /v2/): ${result.probeLatencyMs} ms median\n`);
  console.log(JSON.stringify(result));
} finally {
  await registry.dispose();
}

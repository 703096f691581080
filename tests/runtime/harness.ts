import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { buildServer, type Runtime, type RuntimeDeps } from '../../runtime/build-server.js';
import { loadConfig, type RuntimeConfig } from '../../runtime/config.js';
import { createLogger } from '../../runtime/logger.js';
import { RuntimeMetrics } from '../../runtime/metrics.js';

/** Log lines the runtime wrote, parsed. */
export class LogCapture extends Writable {
  readonly lines: Record<string, any>[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, any>);
    }
    callback();
  }
  requests(): Record<string, any>[] {
    return this.lines.filter((l) => l.msg === 'request');
  }
}

/** A runtime listening on a free loopback port, with the official client pointed at it. */
export interface TestRuntime {
  readonly runtime: Runtime;
  readonly config: RuntimeConfig;
  readonly url: string;
  /** `http://127.0.0.1:port` of the management listener, when MANAGEMENT_PORT is set. */
  readonly managementUrl: string | undefined;
  readonly logs: LogCapture;
  /** The official `openai` client; its own retries are off so tests see the runtime's answers. */
  client(apiKey?: string): OpenAI;
  close(): Promise<void>;
}

export const BASE_ENV = { MODEL: 'xiaoai', AGENT: 'xiaoai', MODEL_VERSION: 'v1', ENGINE_MODEL: 'stub-model' };

export async function startRuntime(
  env: Record<string, string>,
  deps: RuntimeDeps = {},
): Promise<TestRuntime> {
  const config = loadConfig({ ...BASE_ENV, ...env });
  const logs = new LogCapture();
  const runtime = buildServer(config, {
    logger: createLogger(config.logLevel, logs),
    metrics: new RuntimeMetrics(
      { agent: config.agent, model: config.model, version: config.modelVersion },
      { costCurrency: config.pricing?.currency },
    ),
    ...deps,
  });
  await new Promise<void>((resolve) => runtime.server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(runtime.server.address() as AddressInfo).port}`;
  const management = runtime.management;
  if (management !== undefined) {
    await new Promise<void>((resolve) => management.listen(0, '127.0.0.1', () => resolve()));
  }
  const managementUrl =
    management === undefined ? undefined : `http://127.0.0.1:${(management.address() as AddressInfo).port}`;
  return {
    runtime,
    config,
    url,
    managementUrl,
    logs,
    client: (apiKey = 'none') => new OpenAI({ baseURL: `${url}/v1`, apiKey, maxRetries: 0, timeout: 20_000 }),
    close: async () => {
      await runtime.drain(1_000);
    },
  };
}

/** POST a raw body to the runtime (for malformed requests the official client cannot send). */
export async function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

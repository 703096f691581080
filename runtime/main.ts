import type { Server } from 'node:http';
import { buildServer } from './build-server.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm run runtime` / `node build/runtime/main.js`: load and validate the config, listen on PORT
 * (and MANAGEMENT_PORT when set), drain on SIGTERM/SIGINT and exit 0.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let runtime;
  try {
    runtime = buildServer(config);
  } catch (error) {
    // A mounted file that is there but unusable (API keys, JWKS): say which, no stack trace.
    process.stderr.write(`invalid runtime configuration:\n  - ${(error as Error).message}\n`);
    process.exit(2);
  }
  const { server, logger } = runtime;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const management = runtime.management;
  const managementPort =
    management === undefined ? undefined : await listen(management, config.managementPort ?? 0, config.host);
  logger.info(
    {
      port: typeof address === 'object' && address !== null ? address.port : config.port,
      ...(managementPort === undefined ? {} : { managementPort }),
      agent: config.agent,
      model: config.model,
      version: config.modelVersion,
      redis: config.redis.mode,
      engines: config.engineUrls.length,
    },
    'listening',
  );

  let draining = false;
  const shutdown = (signal: string): void => {
    if (draining) return;
    draining = true;
    logger.info({ signal, inFlight: runtime.inFlight(), deadlineMs: config.drainTimeoutMs }, 'draining');
    void runtime.drain(config.drainTimeoutMs).then((complete) => {
      if (complete) logger.info('drained; exiting');
      else logger.warn('drain cut short at its deadline; exiting');
      // Exit only once pino's asynchronous destination has written everything.
      logger.flush(() => process.exit(0));
    });
  };
  // `on`, not `once`: a second signal must not fall back to the default handler and kill the drain.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** Listens and resolves with the port bound (PORT=0 and MANAGEMENT_PORT=0 pick a free one). */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const bound = server.address();
      resolve(typeof bound === 'object' && bound !== null ? bound.port : port);
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`runtime failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

import { buildServer } from './build-server.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm run runtime` / `node build/runtime/main.js`: load and validate the config, listen on PORT,
 * drain on SIGTERM/SIGINT and exit 0.
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
  logger.info(
    {
      port: typeof address === 'object' && address !== null ? address.port : config.port,
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
      else logger.warn({ cut: runtime.inFlight() }, 'drain deadline reached; remaining requests were cut');
      // Exit only once pino's asynchronous destination has written everything.
      logger.flush(() => process.exit(0));
    });
  };
  // `on`, not `once`: a second signal must not fall back to the default handler and kill the drain.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`runtime failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

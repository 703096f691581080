import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** @default 'info' (overridden by the LOG_LEVEL environment variable) */
  readonly level?: string;
  /** @default stdout */
  readonly destination?: DestinationStream;
}

/**
 * JSON logs (one object per line) as log collectors expect from a Kubernetes operator. Reconcilers log
 * object keys, reasons and errors; they never log object payloads, which may carry prompt text.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env['LOG_LEVEL'] ?? 'info';
  return pino(
    {
      level,
      base: { logger: 'suoke-modelops-operator' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** A logger that drops everything; the default for library code used without a logger. */
export const silentLogger: Logger = pino({ level: 'silent' });

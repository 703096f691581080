import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs on stdout. Request logs carry ids, sizes, timings and outcomes — never prompt or
 * completion text (health data) unless LOG_CONTENT=true; callers add content only behind that flag.
 * Authorization headers are redacted in case anything ever logs them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: ['req.headers.authorization', 'headers.authorization', '*.apiKey', '*.password'],
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

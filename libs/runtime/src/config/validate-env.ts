import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Thrown at start when the environment is unusable; its message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Builds a validator for `ConfigModule.forRoot({ validate })`: converts the raw environment into the
 * typed class (defaults come from its property initialisers) and fails with every problem at once.
 */
export function validateEnv<T extends object>(envClass: ClassConstructor<T>) {
  return (raw: Record<string, unknown>): T => {
    const known = Object.keys(new envClass());
    const present = Object.fromEntries(
      known.filter((key) => raw[key] !== undefined && raw[key] !== '').map((key) => [key, raw[key]]),
    );
    const env = plainToInstance(envClass, present, { enableImplicitConversion: true, exposeDefaultValues: true });
    const errors = validateSync(env, { whitelist: true });
    if (errors.length > 0) {
      throw new ConfigurationError(
        errors.map((error) => {
          const reasons = Object.values(error.constraints ?? {}).join('; ');
          return `${error.property}: ${reasons} (got ${JSON.stringify(present[error.property])})`;
        }),
      );
    }
    return env;
  };
}

/** Validates `process.env` outside Nest (CLI scripts) with the same rules as the apps. */
export function loadEnv<T extends object>(envClass: ClassConstructor<T>, raw: NodeJS.ProcessEnv = process.env): T {
  return validateEnv(envClass)(raw);
}

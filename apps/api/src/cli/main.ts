// `npm run cli -- <command> [options]`: operator commands that run against DATABASE_URL.
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CLI_ACTOR, DomainError, ROLES, type Role } from '#domain';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { CliModule } from './cli.module.js';

const USAGE = `Usage:
  npm run cli -- api-keys:create --role ROLE --name NAME [--department CODE]... [--vendor TAX_ID]

Roles: ${ROLES.join(', ')}. A department_head key needs one or more --department;
a vendor key needs --vendor. The token is printed alone on the last line.`;

class UsageError extends Error {}

async function createApiKey(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string', multiple: true },
      vendor: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.role || !ROLES.includes(values.role as Role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.name?.trim()) throw new UsageError('--name is required');

  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'], abortOnError: false });
  try {
    const apiKeys = app.get(ApiKeysService);
    const scope = await apiKeys.resolveScope(values.department ?? [], values.vendor);
    const { key, token } = await apiKeys.create(
      { name: values.name.trim(), role: values.role as Role, ...scope },
      CLI_ACTOR,
    );
    console.log(`Created API key ${key.id} (${key.role}) "${key.name}".`);
    console.log('Keep this token now: it is not stored and cannot be shown again.');
    console.log(token);
  } finally {
    await app.close();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  'api-keys:create': createApiKey,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(command ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof DomainError || error instanceof Error ? error.message : error);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

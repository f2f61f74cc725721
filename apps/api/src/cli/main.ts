// `npm run cli -- <command> [options]`: operator commands that run against DATABASE_URL.
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CLI_ACTOR, DomainError, ROLES, type Role } from '#domain';
import { readFile } from 'node:fs/promises';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { OcdsImportService } from '../ocds/ocds-import.service.js';
import { CliModule } from './cli.module.js';

const USAGE = `Usage:
  npm run cli -- api-keys:create --role ROLE --name NAME [--department CODE]... [--vendor TAX_ID]
  npm run cli -- import:ocds FILE...

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

/** Imports OCDS packages, one transaction per file, and prints each file's report as a JSON line. */
async function importOcds(args: string[]): Promise<void> {
  const { positionals: files } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  if (files.length === 0) throw new UsageError('import:ocds needs one or more files');
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'], abortOnError: false });
  try {
    const importer = app.get(OcdsImportService);
    for (const file of files) {
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new DomainError('INVALID_INPUT', `${file}: not a JSON file (${(error as Error).message})`);
      }
      try {
        console.log(JSON.stringify({ file, ...(await importer.import(body, CLI_ACTOR)) }));
      } catch (error) {
        if (error instanceof DomainError) {
          const details = error.details.map((detail) => `\n  ${detail.field}: ${detail.message}`).join('');
          throw new DomainError(error.code, `${file}: ${error.message}${details}`);
        }
        throw error;
      }
    }
  } finally {
    await app.close();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  'api-keys:create': createApiKey,
  'import:ocds': importOcds,
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

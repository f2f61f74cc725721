// `npm run demo`: migrates, starts the API and the worker against the local PostgreSQL and Redis, creates an
// admin key, and prints where everything is. Ctrl-C stops it all. Safe to run again.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const logDir = join(root, '.demo');
mkdirSync(logDir, { recursive: true });

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/contracts',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  PORT: process.env.PORT ?? '3000',
};
const baseUrl = `http://localhost:${env.PORT}`;

function runOnce(label, script, args = []) {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${label} failed:\n${result.stderr || result.stdout}`);
    console.error('Is PostgreSQL running and reachable at DATABASE_URL?');
    process.exit(1);
  }
  return result.stdout;
}

function startService(name, script) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [join(root, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (code ${code}, signal ${signal}); see .demo/${name}.log`);
      stop(1);
    }
  });
  return child;
}

async function waitUntilReady(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error(`The API did not become ready within ${timeoutMs / 1000} s; see .demo/api.log`);
  stop(1);
}

let stopping = false;
const children = [];
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(runOnce('Migrating', 'dist/libs/domain/src/database/migrate.js').trim());
const adminToken = runOnce('Creating the admin key', 'dist/apps/api/src/cli/main.js', [
  'api-keys:create',
  '--role',
  'admin',
  '--name',
  `Demo admin ${new Date().toISOString()}`,
])
  .trimEnd()
  .split('\n')
  .at(-1);

children.push(startService('api', 'dist/apps/api/src/main.js'), startService('worker', 'dist/apps/worker/src/main.js'));
await waitUntilReady();

console.log(`
Contract Performance Tracker is running.

  API         ${baseUrl}/api/v1
  API docs    ${baseUrl}/docs
  Health      ${baseUrl}/health/ready
  Logs        .demo/api.log, .demo/worker.log

  Admin key   ${adminToken}

Try:
  curl -H "Authorization: Bearer ${adminToken}" ${baseUrl}/api/v1/departments

Press Ctrl-C to stop.`);

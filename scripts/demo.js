// `npm run demo [-- --reset]`: migrates, loads the demo city (once; --reset starts over), starts a mail catcher,
// the API and the worker against the local PostgreSQL and Redis, runs an evaluation so that emails arrive, creates
// three keys, and prints where everything is. Ctrl-C stops it all. Safe to run again.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const logDir = join(root, '.demo');
mkdirSync(logDir, { recursive: true });
const started = Date.now();
const reset = process.argv.slice(2).includes('--reset');
// The mail catcher keeps its messages here, so that a second run still shows the first run's emails.
const mailDir = join(logDir, 'mail');
if (reset) rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });

const smtpPort = process.env.MAILDEV_SMTP_PORT ?? '1025';
const mailWebPort = process.env.MAILDEV_WEB_PORT ?? '1080';
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/contracts',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  PORT: process.env.PORT ?? '3000',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
};
const baseUrl = `http://localhost:${env.PORT}`;
const mailUrl = `http://localhost:${mailWebPort}`;

// The demo's measurements are history: only last month's periods are recent enough to email about, older ones are
// recorded as suppressed (NOTIFY_WITHIN_DAYS, the product design §3).
const { countOf, demoNotifyWithinDays, describeRun, readRunNotices } = await import('../dist/libs/demo/src/index.js');
const { localDateOf } = await import('../dist/libs/domain/src/index.js');
env.NOTIFY_WITHIN_DAYS ??= String(
  demoNotifyWithinDays(localDateOf(new Date(), env.CITY_TIMEZONE ?? 'America/New_York')),
);

let stopping = false;
const children = [];
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function fail(message) {
  console.error(message);
  stop(1);
  return new Promise(() => {});
}

/** Runs a built script to its end and resolves with its stdout. */
function runOnce(label, script, args = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, script), ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      if (code === 0) resolve(stdout);
      else
        fail(`${label} failed:\n${stderr || stdout}\nAre PostgreSQL and Redis running at DATABASE_URL and REDIS_URL?`);
    });
  });
}

function startService(name, command, args) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (code ${code}, signal ${signal}); see .demo/${name}.log`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

async function poll(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result) return result;
    } catch {
      // not there yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return fail(`${what} within ${timeoutMs / 1000} s; see the logs in .demo/`);
}

const createKey = async (role, name, scope = []) =>
  (
    await runOnce(`Creating the ${role} key`, 'dist/apps/api/src/cli/main.js', [
      'api-keys:create',
      '--role',
      role,
      '--name',
      `${name} (demo ${new Date().toISOString()})`,
      ...scope,
    ])
  )
    .trimEnd()
    .split('\n')
    .at(-1);

console.log((await runOnce('Migrating', 'dist/libs/database/src/migrate.js')).trim());
console.log(
  (await runOnce('Loading the demo city', 'dist/libs/demo/src/load-demo-city.js', reset ? ['--reset'] : [])).trim(),
);

// Whom the department head and vendor keys speak for: the department and the vendor with the most active contracts.
const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
const [department] = (
  await db.query(
    `SELECT d.code, d.name FROM departments d JOIN contracts c ON c.department_id = d.id AND c.status = 'active'
      GROUP BY d.id ORDER BY count(*) DESC, d.code LIMIT 1`,
  )
).rows;
const [vendor] = (
  await db.query(
    `SELECT v.tax_id, v.legal_name, v.preferred_language FROM vendors v
       JOIN contracts c ON c.vendor_id = v.id AND c.status = 'active'
      GROUP BY v.id ORDER BY count(*) DESC, v.tax_id LIMIT 1`,
  )
).rows;
await db.end();

const maildev = join(root, 'node_modules/maildev/dist/bin/maildev.js');
startService('mail', process.execPath, [
  maildev,
  ...['--smtp', smtpPort, '--web', mailWebPort, '--ip', '127.0.0.1', '--web-ip', '127.0.0.1'],
  ...['--mail-directory', mailDir],
]);
startService('api', process.execPath, [join(root, 'dist/apps/api/src/main.js')]);
startService('worker', process.execPath, [join(root, 'dist/apps/worker/src/main.js')]);
// The keys are made while the services start.
const [adminToken, headToken, vendorToken] = await Promise.all([
  createKey('admin', 'Demo admin'),
  createKey('department_head', `Head of ${department.name}`, ['--department', department.code]),
  createKey('vendor', vendor.legal_name, ['--vendor', vendor.tax_id]),
]);

const api = (path, init = {}) =>
  fetch(`${baseUrl}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...init.headers },
  });
await poll('The API did not become ready', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 30_000);
await poll('The mail catcher did not start', async () => (await fetch(`${mailUrl}/api/email`)).ok, 15_000);

// Evaluate every due period now rather than at EVALUATION_CRON, and wait for the emails it calls for.
const { id: runId } = await (await api('/evaluation-runs', { method: 'POST', body: '{}' })).json();
const run = await poll(
  'The evaluation did not complete',
  async () => {
    const body = await (await api(`/evaluation-runs/${runId}`)).json();
    if (body.status === 'failed') return fail(`The evaluation failed; see .demo/worker.log`);
    return body.status === 'completed' && body;
  },
  90_000,
);
await poll(
  'The emails were not all sent',
  async () => (await (await api('/notifications?status=pending&limit=1')).json()).page.total === 0,
  60_000,
);
const emails = (await (await fetch(`${mailUrl}/api/email`)).json()).length;
// The run's counts know its contract notices; the meeting packs it called for are read from the outbox.
const summaryDb = new pg.Client({ connectionString: env.DATABASE_URL });
await summaryDb.connect();
const summary = describeRun(run.counts, await readRunNotices(summaryDb, runId));
await summaryDb.end();
const seconds = ((Date.now() - started) / 1000).toFixed(0);

console.log(`
Contract Performance Tracker is running with the demo city (set up in ${seconds} s).

  API           ${baseUrl}/api/v1
  API docs      ${baseUrl}/docs
  Mail catcher  ${mailUrl}  (${countOf(emails, 'email')}; SMTP on port ${smtpPort})
  Health        ${baseUrl}/health/ready
  Logs          .demo/api.log, .demo/worker.log, .demo/mail.log

  Evaluation    ${summary.evaluation}
  Notices       ${summary.notices}
                (NOTIFY_WITHIN_DAYS=${env.NOTIFY_WITHIN_DAYS}: last month's periods are emailed, earlier ones suppressed)

  Admin key              ${adminToken}
  Department head key    ${headToken}   (${department.name}, ${department.code})
  Vendor key             ${vendorToken}   (${vendor.legal_name}, ${vendor.tax_id}, writes in ${vendor.preferred_language})

Try:
  curl -H "Authorization: Bearer ${headToken}" "${baseUrl}/api/v1/contracts?limit=5"
  curl -H "Authorization: Bearer ${vendorToken}" "${baseUrl}/api/v1/evaluations?limit=5"
  curl -H "Authorization: Bearer ${adminToken}" "${baseUrl}/api/v1/evaluations?status=off_track&limit=5"

npm run demo -- --reset starts over with a fresh city. Press Ctrl-C to stop.`);

import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';

// The boundaries (.dependency-cruiser.cjs) and the clock rule (eslint.config.js) are only worth what they catch:
// each is shown here to refuse what it names, and to let through what it does not.
const ROOT = process.cwd();
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

type Violation = { rule: { name: string }; from: string; to: string };

/** Runs dependency-cruiser as `npm run lint` does, in `cwd`, and answers its violations as `rule: from → to`. */
async function cruise(cwd: string, paths: string[]): Promise<string[]> {
  const stdout = await new Promise<string>((resolve, reject) =>
    // It exits 1 when it finds violations: the report on stdout is what counts.
    execFile(
      process.execPath,
      [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, out, stderr) => (out ? resolve(out) : reject(error ?? new Error(stderr))),
    ),
  );
  const { summary } = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  // A package's entry file depends on its version: name the package only.
  const shorten = (path: string) => path.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$1');
  return summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${shorten(to)}`).sort();
}

describe('the dependency boundaries', () => {
  let probe: string;

  /**
   * A tree that mirrors the repository's paths. Besides the imports each rule refuses, it holds some that must
   * pass: a package with no I/O in the domain, the domain in the database, the testing library in a spec, the
   * API in its benchmarks, the worker in its own.
   */
  const PROBES: Record<string, string> = {
    'libs/domain/src/rule.ts': `import { Temporal } from 'temporal-polyfill';\nexport const rule = Temporal;\n`,
    'libs/domain/src/impure.ts': [
      `import { DataSource } from 'typeorm';`,
      `import { readFileSync } from 'node:fs';`,
      `import { rule } from './rule.js';`,
      `export const impure = [DataSource, readFileSync, rule];`,
    ].join('\n'),
    'libs/domain/src/knows-entities.ts': `import { entity } from '../../database/src/entity.js';\nexport const known = entity;\n`,
    'libs/database/src/entity.ts': `import { rule } from '../../domain/src/rule.js';\nexport const entity = rule;\n`,
    'libs/notifications/src/template.ts': `import { rule } from '../../domain/src/rule.js';\nexport const template = rule;\n`,
    'libs/reporting/src/uses-app.ts': `import { service } from '../../../apps/api/src/service.js';\nexport const used = service;\n`,
    'libs/reporting/src/first.ts': `import { second } from './second.js';\nexport const first = () => second();\n`,
    'libs/reporting/src/second.ts': `import { first } from './first.js';\nexport const second = () => first;\n`,
    'libs/reporting/src/typo.ts': `import { missing } from './missing.js';\nexport const typo = missing;\n`,
    'libs/testing/src/helper.ts': `export const helper = 1;\n`,
    'apps/api/src/service.ts': `export const service = 1;\n`,
    'apps/api/src/enqueues.ts': `import { processor } from '../../worker/src/processor.js';\nexport const enqueued = processor;\n`,
    'apps/api/src/uses-testing.ts': `import { helper } from '../../../libs/testing/src/helper.js';\nexport const used = helper;\n`,
    'apps/api/src/service.spec.ts': `import { helper } from '../../../libs/testing/src/helper.js';\nimport { service } from './service.js';\nexport const tested = [helper, service];\n`,
    'apps/api/test/support.ts': `export const support = 1;\n`,
    'apps/worker/src/processor.ts': `export const processor = 1;\n`,
    'apps/worker/src/calls-api.ts': `import { service } from '../../api/src/service.js';\nexport const called = service;\n`,
    'apps/worker/test/borrows.e2e-spec.ts': `import { support } from '../../api/test/support.js';\nexport const borrowed = support;\n`,
    'bench/worker/probe.bench.ts': `import { service } from '../../apps/api/src/service.js';\nimport { processor } from '../../apps/worker/src/processor.js';\nexport const measured = [service, processor];\n`,
    'bench/api/probe.bench.ts': `import { service } from '../../apps/api/src/service.js';\nimport { processor } from '../../apps/worker/src/processor.js';\nexport const measured = [service, processor];\n`,
  };

  beforeAll(async () => {
    probe = await mkdtemp(join(tmpdir(), 'cpt-lint-'));
    for (const [path, source] of Object.entries(PROBES)) {
      await mkdir(dirname(join(probe, path)), { recursive: true });
      await writeFile(join(probe, path), source);
    }
    // A symlink, as a git worktree's node_modules may be: packages must still read as node_modules/<name>.
    await symlink(join(ROOT, 'node_modules'), join(probe, 'node_modules'));
    await copyFile(join(ROOT, '.dependency-cruiser.cjs'), join(probe, '.dependency-cruiser.cjs'));
    await writeFile(
      join(probe, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true } }),
    );
  });

  afterAll(async () => {
    await rm(probe, { recursive: true, force: true });
  });

  it('should report exactly the imports that cross a boundary, each under its rule', async () => {
    expect(await cruise(probe, ['apps', 'libs', 'bench'])).toEqual(
      [
        'api-never-imports-worker: apps/api/src/enqueues.ts → apps/worker/src/processor.ts',
        'api-never-imports-worker: bench/api/probe.bench.ts → apps/worker/src/processor.ts',
        'domain-does-no-io: libs/domain/src/impure.ts → fs',
        'domain-is-pure: libs/domain/src/impure.ts → node_modules/typeorm',
        'domain-is-pure: libs/domain/src/knows-entities.ts → libs/database/src/entity.ts',
        'libraries-never-import-apps: libs/reporting/src/uses-app.ts → apps/api/src/service.ts',
        'no-circular: libs/reporting/src/first.ts → libs/reporting/src/second.ts',
        'not-to-unresolvable: libs/reporting/src/typo.ts → ./missing.js',
        'notifications-know-nothing-of-contracts: libs/notifications/src/template.ts → libs/domain/src/rule.ts',
        'testing-only-in-tests: apps/api/src/uses-testing.ts → libs/testing/src/helper.ts',
        'worker-never-imports-api: apps/worker/src/calls-api.ts → apps/api/src/service.ts',
        'worker-never-imports-api: apps/worker/test/borrows.e2e-spec.ts → apps/api/test/support.ts',
        'worker-never-imports-api: bench/worker/probe.bench.ts → apps/api/src/service.ts',
      ].sort(),
    );
  }, 60_000);

  it('should find no violation in what `npm run lint` cruises of the repository', async () => {
    const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const paths = /\bdepcruise ([\w/ -]+?) &&/.exec(scripts.lint)![1].split(' ');
    expect(paths).toEqual(expect.arrayContaining(['apps', 'libs', 'bench']));
    expect(await cruise(ROOT, paths)).toEqual([]);
  }, 60_000);
});

describe('the clock rule', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const READS_THE_TIME = `export const now = () => new Date();\nexport const millis = () => Date.now();\n`;
  const errors = async (code: string, path: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
    return result.messages.map(({ ruleId, line, severity }) => ({ ruleId, line, severity }));
  };

  it('should refuse new Date() and Date.now() in application code', async () => {
    for (const path of [
      'apps/api/src/contracts/probe.service.ts',
      'apps/worker/src/probe.ts',
      'libs/domain/src/probe.ts',
    ]) {
      expect(await errors(READS_THE_TIME, path)).toEqual([
        { ruleId: 'no-restricted-syntax', line: 1, severity: 2 },
        { ruleId: 'no-restricted-syntax', line: 2, severity: 2 },
      ]);
    }
  });

  it('should let a Date made from a value through', async () => {
    expect(await errors(`export const epoch = new Date(0);\n`, 'apps/api/src/contracts/probe.service.ts')).toEqual([]);
  });

  it('should allow reading the time in the clock provider, in specs and in tests', async () => {
    for (const path of [
      'libs/runtime/src/clock.module.ts',
      'apps/api/src/contracts/probe.service.spec.ts',
      'apps/worker/test/probe.e2e-spec.ts',
      'libs/testing/src/probe.ts',
    ]) {
      expect(await errors(READS_THE_TIME, path)).toEqual([]);
    }
  });
});

// The house's boundaries, checked by `npm run lint` (docs/architecture.md, "Libraries and their boundaries").
// Each library's name says what it may import; a rule below fails the lint when an import crosses a boundary.

/** Packages that do I/O, or frameworks: none of them belongs in the pure domain library. */
const IO_AND_FRAMEWORK_PACKAGES = [
  '@nestjs',
  '@fastify',
  'typeorm',
  'pg',
  'pg-copy-streams',
  'pg-query-stream',
  'ioredis',
  'bullmq',
  'nodemailer',
  'smtp-server',
  'pdfkit',
  'exceljs',
  'pino',
  'nestjs-pino',
  'fastify',
  'class-validator',
  'class-transformer',
];
const NODE_IO_MODULES = ['fs', 'net', 'http', 'https', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads'];

const packagePath = (names) => `^node_modules/(${names.join('|').replace(/\//g, '\\/')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds pure rules and types: no framework, no database, no queue, no files or sockets.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        pathNot: '^libs/domain/src',
        path: [packagePath(IO_AND_FRAMEWORK_PACKAGES), '^libs/', '^apps/'],
      },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${NODE_IO_MODULES.join('|')})(/|$)` },
    },
    {
      name: 'notifications-know-nothing-of-contracts',
      comment: 'Email templates take plain inputs; they import no other library of the house.',
      severity: 'error',
      from: { path: '^libs/notifications/src' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/notifications/' },
    },
    {
      name: 'libraries-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'worker-never-imports-api',
      comment: 'The worker runs without the API: its source, tests and benchmarks import nothing of apps/api.',
      severity: 'error',
      from: { path: '^(apps/worker/|bench/worker/)' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-never-imports-worker',
      comment: "The API only produces jobs; what consumes them is the worker's business.",
      severity: 'error',
      from: { path: '^(apps/api/|bench/api/)' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'libs/testing is for specs and benchmarks, never for application code.',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: ['\\.spec\\.ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages stay in the graph, unfollowed, so that the rules above can name them; excluding node_modules
    // would drop every package import before any rule saw it.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    // A node_modules that is a symlink (a git worktree's) must still read as node_modules/<package>.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // The libraries' `#name` imports resolve to their TypeScript sources through the `source` condition.
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};

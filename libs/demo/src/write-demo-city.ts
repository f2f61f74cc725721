import { insertStarterLibraryKpis } from '#database';
import type { DemoCity } from './generate-demo-city.js';

/** Anything that runs SQL with positional parameters: a node-postgres client or a TypeORM DataSource. */
export type DemoSqlRunner = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/** Tables in the order their foreign keys need, with the rows that go into each. */
const TABLES: [table: string, rows: keyof DemoCity][] = [
  ['departments', 'departments'],
  ['vendors', 'vendors'],
  ['vendor_certifications', 'certifications'],
  ['solicitations', 'solicitations'],
  ['bids', 'bids'],
  ['contracts', 'contracts'],
  ['kpis', 'kpis'],
  ['measurements', 'measurements'],
  ['payments', 'payments'],
];

// One parameter carries many rows; this keeps each statement's JSON to a few MiB.
const ROWS_PER_STATEMENT = 5000;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Stores a generated city set-based: per table, multi-row `INSERT ... SELECT` from `json_populate_recordset`, which
 * reads each column by the table's own type, so a statement carries thousands of rows in one parameter. The demo
 * is seeded, not entered: no audit events are written for it. Run it inside a transaction. The starter KPI
 * library comes first (it is there after migrating, but not after `--reset`): demo KPIs pin its entries.
 */
export async function writeDemoCity(db: DemoSqlRunner, city: DemoCity): Promise<void> {
  await insertStarterLibraryKpis(db);
  for (const [table, key] of TABLES) {
    const rows = city[key] as object[];
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]).map(snakeCase);
    const list = columns.map((column) => `"${column}"`).join(', ');
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const json = rows
        .slice(start, start + ROWS_PER_STATEMENT)
        .map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [snakeCase(name), value])));
      await db.query(
        `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [JSON.stringify(json)],
      );
    }
  }
  // The planner should know the new sizes now, not once autovacuum gets round to them.
  await db.query(`ANALYZE ${TABLES.map(([table]) => `"${table}"`).join(', ')}`);
}

/** True when the database holds no procurement data (API keys alone do not count): the demo loads only then. */
export async function hasNoProcurementData(db: DemoSqlRunner): Promise<boolean> {
  const rows = (await db.query(
    `SELECT NOT EXISTS (SELECT 1 FROM departments) AND NOT EXISTS (SELECT 1 FROM vendors)
        AND NOT EXISTS (SELECT 1 FROM solicitations) AND NOT EXISTS (SELECT 1 FROM contracts) AS empty`,
  )) as { rows?: { empty: boolean }[] } | { empty: boolean }[];
  return (Array.isArray(rows) ? rows : rows.rows!)[0].empty;
}

/** Empties every table but the migrations' own: what `--reset` starts from. */
export async function truncateAllTables(db: DemoSqlRunner): Promise<void> {
  const result = (await db.query(
    `SELECT string_agg(format('%I', tablename), ', ') AS tables
       FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'migrations'`,
  )) as { rows?: { tables: string | null }[] } | { tables: string | null }[];
  const tables = (Array.isArray(result) ? result : result.rows!)[0].tables;
  if (tables) await db.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

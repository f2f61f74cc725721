import type { SqlRunner } from './data-source.js';

/** The shape of a large import: every contract has the same monthly KPIs, each reported for every period. */
export type ImportFixture = { contracts: number; kpisPerContract: number; periods: string[] };

/** 2,000 contracts × 5 KPIs × 10 months: 100,000 rows. */
export const LARGE_IMPORT: ImportFixture = {
  contracts: 2000,
  kpisPerContract: 5,
  periods: Array.from({ length: 10 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`),
};

const contractNumber = (index: number) => `IMP-${String(index).padStart(6, '0')}`;
const kpiName = (index: number) => `KPI ${index}`;

/**
 * Contracts `IMP-000001`… running through 2025 and 2026 with monthly KPIs `KPI 1`…, inserted set-based (a few
 * statements, however many contracts) under one department and one vendor.
 */
export async function seedImportContracts(db: SqlRunner, fixture: ImportFixture): Promise<void> {
  await db.query(
    `WITH department AS (
            INSERT INTO departments (name, code, head_email) VALUES ('Imports', 'IMP', 'imports@city.example')
            RETURNING id),
          vendor AS (
            INSERT INTO vendors (legal_name, tax_id, email) VALUES ('Import Vendor LLC', 'TAX-IMP', 'imp@vendors.example')
            RETURNING id)
     INSERT INTO contracts (number, title, vendor_id, department_id, value, start_date, end_date, manager_email)
     SELECT 'IMP-' || lpad(n::text, 6, '0'), 'Contract ' || n, vendor.id, department.id, 100000,
            '2025-01-01', '2026-12-31', 'manager@city.example'
       FROM generate_series(1, $1::int) AS n, department, vendor`,
    [fixture.contracts],
  );
  await db.query(
    `INSERT INTO kpis (contract_id, name, unit, direction, target, off_track_threshold, frequency)
     SELECT c.id, 'KPI ' || k, '%', 'higher_is_better', 95, 90, 'monthly'
       FROM contracts c, generate_series(1, $1::int) AS k
      WHERE c.number LIKE 'IMP-%'`,
    [fixture.kpisPerContract],
  );
}

/** How many rows `importCsvChunks` writes for a fixture. */
export const importRowCount = (fixture: ImportFixture): number =>
  fixture.contracts * fixture.kpisPerContract * fixture.periods.length;

/**
 * The CSV of a fixture, header first, one value per contract, KPI and period, in chunks of about `rowsPerChunk`
 * rows, each with `note`: generated as it is read, so a file of any size streams without being held in memory.
 */
export function* importCsvChunks(fixture: ImportFixture, note = '', rowsPerChunk = 1000): Generator<string> {
  const noteField = note && `"${note.replace(/"/g, '""')}"`;
  let chunk = 'contractNumber,kpiName,period,value,note\n';
  let rows = 0;
  for (let contract = 1; contract <= fixture.contracts; contract++) {
    for (let kpi = 1; kpi <= fixture.kpisPerContract; kpi++) {
      for (const period of fixture.periods) {
        const value = ((contract * 7 + kpi * 13 + rows) % 10000) / 100;
        chunk += `${contractNumber(contract)},${kpiName(kpi)},${period},${value},${noteField}\n`;
        if (++rows % rowsPerChunk === 0) {
          yield chunk;
          chunk = '';
        }
      }
    }
  }
  if (chunk) yield chunk;
}

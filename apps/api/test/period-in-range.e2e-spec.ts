import { typeormOptions } from '#database';
import { DataSource } from 'typeorm';

// period_in_range() is the one definition of a period counting in a range of days (reports, metrics, scorecard).
describe('period_in_range()', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(
      typeormOptions({ url: process.env.DATABASE_URL!, applicationName: 'cpt-test' }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it.each([
    ['the range itself', '2026-01-01', '2026-03-31', true],
    ['a month inside', '2026-02-01', '2026-02-28', true],
    ['a period starting the day before', '2025-12-31', '2026-01-31', false],
    ['a period ending the day after', '2026-03-01', '2026-04-01', false],
    ['a quarter over the range', '2026-01-01', '2026-06-30', false],
    ['a period outside', '2026-05-01', '2026-05-31', false],
  ])('should count %s (%s to %s) in 2026-01-01 to 2026-03-31: %p', async (_case, firstDay, lastDay, expected) => {
    const [row] = await dataSource.query(
      `SELECT period_in_range($1::date, $2::date, '2026-01-01', '2026-03-31') AS counted`,
      [firstDay, lastDay],
    );
    expect(row.counted).toBe(expected);
  });

  it('should be inlined into the statements that use it', async () => {
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN VERBOSE SELECT 1 FROM kpi_evaluations e
        WHERE period_in_range(e.period_first_day, e.period_last_day, '2026-01-01', '2026-03-31')`,
    );
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    expect(text).not.toContain('period_in_range');
    expect(text).toContain("(e.period_first_day >= '2026-01-01'::date)");
  });
});

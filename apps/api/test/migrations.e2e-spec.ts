import { runMigrations } from '#database';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('database schema', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should need no change beyond the migrations (entities and migrations agree)', async () => {
    const sqlInMemory = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(sqlInMemory.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('should apply nothing when migrations run again', async () => {
    await expect(runMigrations(process.env.DATABASE_URL!)).resolves.toEqual([]);
  });

  it('should return numeric and bigint columns as numbers', async () => {
    const [row] = await testApp.dataSource.query(
      'SELECT 1234.5678::numeric(14,4) AS amount, count(*) AS total FROM generate_series(1, 3)',
    );
    expect(row).toEqual({ amount: 1234.5678, total: 3 });
  });
});

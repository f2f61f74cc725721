import { randomUUID } from 'node:crypto';
import { addRecordNotices } from '#database';
import { createContract, createDepartment, createVendor, openDataSource, resetDatabase } from '#testing';
import type { DataSource } from 'typeorm';

// The outbox's emails about one record: at most one per record, kind and occasion, however often it is written.
describe('record notices in the outbox', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDataSource();
  });

  beforeEach(() => resetDatabase(dataSource));

  afterAll(() => dataSource.destroy());

  const contractId = async () => {
    const department = await createDepartment(dataSource);
    return (await createContract(dataSource, await createVendor(dataSource), department)).id;
  };

  it('should write each record, kind and occasion once, and answer only the rows it wrote', async () => {
    const recordId = randomUUID();
    const notice = {
      kind: 'cap_decision' as const,
      recordId,
      occasion: 'accepted-1',
      contractId: await contractId(),
      to: ['vendor@example.com'],
      cc: ['manager@city.example'],
      language: 'es' as const,
    };

    const first = await addRecordNotices(dataSource.manager, [notice]);
    const again = await addRecordNotices(dataSource.manager, [notice, { ...notice, occasion: 'accepted-2' }]);

    expect(first).toHaveLength(1);
    expect(again).toHaveLength(1);
    const rows = await dataSource.query(
      `SELECT id, kind, occasion, period, status, to_addresses, cc_addresses, language FROM notifications ORDER BY occasion`,
    );
    expect(rows).toEqual([
      {
        id: first[0],
        kind: 'cap_decision',
        occasion: 'accepted-1',
        period: null,
        status: 'pending',
        to_addresses: ['vendor@example.com'],
        cc_addresses: ['manager@city.example'],
        language: 'es',
      },
      expect.objectContaining({ id: again[0], occasion: 'accepted-2' }),
    ]);
  });

  it('should refuse a row that names neither a record nor a period', async () => {
    await expect(
      dataSource.query(
        `INSERT INTO notifications (kind, contract_id, to_addresses, language, status)
         VALUES ('off_track', $1, '{a@example.com}', 'en', 'pending')`,
        [await contractId()],
      ),
    ).rejects.toThrow(/ck_notifications_about/);
  });
});

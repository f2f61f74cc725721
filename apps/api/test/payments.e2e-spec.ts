import type { Contract, Department, Vendor } from '#database';
import { createApiKey, createContract, createDepartment, createVendor, resetDatabase } from '#testing';
import { createTestApp, type TestApp } from './support/create-test-app.js';

describe('payments', () => {
  let testApp: TestApp;
  let officer: string;
  let department: Department;
  let prime: Vendor;
  let subcontractor: Vendor;
  let contract: Contract;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(testApp.dataSource);
    officer = await createApiKey(testApp.dataSource, 'procurement_officer');
    department = await createDepartment(testApp.dataSource);
    prime = await createVendor(testApp.dataSource);
    subcontractor = await createVendor(testApp.dataSource);
    contract = await createContract(testApp.dataSource, prime, department);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const path = () => `/api/v1/contracts/${contract.id}/payments`;
  const payment = () => ({ payeeVendorId: prime.id, amount: 12500.25, paidOn: '2026-04-15', invoiceNumber: 'INV-1' });
  const count = async () => Number((await testApp.dataSource.query('SELECT count(*) AS n FROM payments'))[0].n);

  it('should record payments to the prime and to subcontractors, newest first', async () => {
    const first = await testApp.http.post(path(), { token: officer, body: payment() });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...payment(), contractId: contract.id, toPrime: true });
    const second = await testApp.http.post(path(), {
      token: officer,
      body: { ...payment(), payeeVendorId: subcontractor.id, paidOn: '2026-05-01', amount: 3000 },
    });
    expect(second.body.toPrime).toBe(false);

    const list = await testApp.http.get(path(), { token: officer });
    expect(list.body.data.map((item: { amount: number }) => item.amount)).toEqual([3000, 12500.25]);
    expect(list.body.page.total).toBe(2);
    expect(
      await testApp.dataSource.query("SELECT action FROM audit_events WHERE entity_type = 'payment'"),
    ).toHaveLength(2);
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -5 }, 'amount'],
    ['three decimals', { amount: 1.005 }, 'amount'],
    ['a payee that is not a vendor', { payeeVendorId: '00000000-0000-4000-8000-000000000000' }, 'payeeVendorId'],
    ['a malformed payee', { payeeVendorId: 'acme' }, 'payeeVendorId'],
    ['a date that is not a date', { paidOn: '15/04/2026' }, 'paidOn'],
    ['a missing invoice number', { invoiceNumber: '' }, 'invoiceNumber'],
    ['an unknown field', { memo: 'x' }, 'memo'],
  ])('should answer 400 for %s and record nothing', async (_case, change, field) => {
    const response = await testApp.http.post(path(), { token: officer, body: { ...payment(), ...change } });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await count()).toBe(0);
  });

  it('should answer 409 for the same invoice of the same payee twice', async () => {
    await testApp.http.post(path(), { token: officer, body: payment() });
    const again = await testApp.http.post(path(), { token: officer, body: payment() });
    expect(again.status).toBe(409);
    expect(again.body.details[0].field).toBe('invoiceNumber');
    expect(await count()).toBe(1);
  });

  it('should let the vendor and the department head read, and nobody but officers write', async () => {
    await testApp.http.post(path(), { token: officer, body: payment() });
    const vendorKey = await createApiKey(testApp.dataSource, 'vendor', { vendor: prime });
    const head = await createApiKey(testApp.dataSource, 'department_head', { departments: [department] });
    const outsider = await createApiKey(testApp.dataSource, 'vendor', { vendor: subcontractor });
    expect((await testApp.http.get(path(), { token: vendorKey })).body.page.total).toBe(1);
    expect((await testApp.http.get(path(), { token: head })).body.page.total).toBe(1);
    expect((await testApp.http.get(path(), { token: outsider })).status).toBe(404);
    for (const token of [vendorKey, head]) {
      expect((await testApp.http.post(path(), { token, body: { ...payment(), invoiceNumber: 'X' } })).status).toBe(403);
    }
    expect((await testApp.http.get(path())).status).toBe(401);
    const missing = '/api/v1/contracts/00000000-0000-4000-8000-000000000000/payments';
    expect((await testApp.http.post(missing, { token: officer, body: payment() })).status).toBe(404);
  });
});

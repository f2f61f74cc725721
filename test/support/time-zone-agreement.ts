import type { TestingModule } from '@nestjs/testing';
import { clipToContract, contractPeriodTimes, packMonthOf, parsePeriod, periodFirstDay } from '#domain';
import {
  createApiKey,
  FixedClock,
  freePort,
  openQueues,
  resetDatabase,
  resetQueues,
  startSmtpSink,
  waitForQuiet,
  waitForRun,
  type SmtpSink,
  type TestQueues,
} from '#testing';
import type { TestApp } from '../../apps/api/test/support/create-test-app.js';

/** A time zone's edge: where a contract's period ends (no grace days, so it falls due at once). */
export type TimeZoneEdge = {
  zone: string;
  /** The period judged at the edge, and the one before it; the contract starts with the one before. */
  period: string;
  previous: string;
  /** The contract's last day: the period ends after it. */
  endDate: string;
  /** The first instant of the next local day, as the product design promises it (docs/architecture.md). */
  edge: string;
  /** A period that begins at the edge: from then on, and not before, a value for it is accepted. */
  next?: string;
};

const MS = 1;
/** One port for every describe of a file: the worker reads SMTP_URL once, when its module is first imported. */
let smtpPort: number | undefined;

/**
 * The API (scorecard, the PUT of a measurement, the CSV import) and the worker (evaluation, notices, escalation,
 * meeting-pack months), in this process with one pinned clock and CITY_TIMEZONE set by the calling file (the
 * modules read it when they are imported), agree on where the edge lies: a millisecond before it nothing of the
 * period is judged and the next period takes no value; at it, all of it happens on both sides.
 */
export function describeTimeZoneAgreement(edge: TimeZoneEdge): void {
  describe(`the API and the worker at the edge of ${edge.period} in ${edge.zone}`, () => {
    const clock = new FixedClock(new Date(Date.parse(edge.edge) - 86_400_000));
    let api: TestApp;
    let worker: TestingModule;
    let queues: TestQueues;
    let sink: SmtpSink;
    let officer: string;
    let contractId: string;
    let departmentId: string;

    const run = async () => {
      const requested = await api.http.post('/api/v1/evaluation-runs', { token: officer, body: {} });
      expect(requested.status).toBe(202);
      await waitForRun(api.http, officer, requested.body.id);
      await waitForQuiet({ queues, dataSource: api.dataSource });
    };
    const evaluationsOf = async (period: string) =>
      (await api.http.get(`/api/v1/evaluations?contractId=${contractId}&period=${period}`, { token: officer })).body
        .data as { status: string; kpiId: string }[];
    const noticesOf = async (period: string) =>
      (
        (await api.http.get(`/api/v1/notifications?contractId=${contractId}&limit=500`, { token: officer })).body
          .data as { kind: string; period: string }[]
      )
        .filter((notice) => notice.period === period)
        .map((notice) => notice.kind)
        .sort();
    const packMonths = async () =>
      (
        (await api.http.get('/api/v1/notifications?kind=meeting_pack&limit=500', { token: officer })).body.data as {
          departmentId: string;
          period: string;
        }[]
      )
        .filter((pack) => pack.departmentId === departmentId)
        .map((pack) => pack.period)
        .sort();
    const putNext = () =>
      api.http.put(`/api/v1/kpis/${kpiIds.k1}/measurements/${edge.next}`, { token: officer, body: { value: 96 } });
    const importNext = () =>
      api.http.post('/api/v1/measurements/import?dryRun=true', {
        token: officer,
        headers: { 'content-type': 'text/csv' },
        rawBody: `contractNumber,kpiName,period,value\nTZ-1,Uptime,${edge.next},96\n`,
      });
    const kpiIds = { k1: '', k2: '' };

    beforeAll(async () => {
      smtpPort ??= await freePort();
      sink = await startSmtpSink(smtpPort);
      // Read when the apps' modules are first imported, just below (a second describe finds them imported).
      Object.assign(process.env, { SMTP_URL: sink.url, NOTIFY_WITHIN_DAYS: '3650', EVALUATION_CRON: '0 0 29 2 *' });
      const { createTestApp } = await import('../../apps/api/test/support/create-test-app.js');
      const { startInProcessWorker } = await import('./in-process-worker.js');
      api = await createTestApp({}, { clock });
      queues = openQueues();
      await resetDatabase(api.dataSource);
      await resetQueues(queues);
      worker = await startInProcessWorker(clock);
      officer = await createApiKey(api.dataSource, 'procurement_officer');

      const department = await api.http.post('/api/v1/departments', {
        token: officer,
        body: { name: 'Transit', code: 'TR', headEmail: 'head@city.example' },
      });
      departmentId = department.body.id;
      const vendor = await api.http.post('/api/v1/vendors', {
        token: officer,
        body: { legalName: 'Rutas SA', taxId: 'TZ-VENDOR', email: 'ops@rutas.example', preferredLanguage: 'es' },
      });
      const contract = await api.http.post('/api/v1/contracts', {
        token: officer,
        body: {
          number: 'TZ-1',
          title: 'Bus service',
          vendorId: vendor.body.id,
          departmentId,
          value: 100000,
          startDate: periodFirstDay(parsePeriod(edge.previous)!),
          endDate: edge.endDate,
          managerEmail: 'manager@city.example',
          reportingGraceDays: 0,
          escalateAfterPeriods: 2,
        },
      });
      expect(contract.status).toBe(201);
      contractId = contract.body.id;
      for (const [key, name] of [
        ['k1', 'Uptime'],
        ['k2', 'Trips on time'],
      ] as const) {
        const kpi = await api.http.post(`/api/v1/contracts/${contractId}/kpis`, {
          token: officer,
          body: {
            name,
            unit: '%',
            direction: 'higher_is_better',
            target: 95,
            offTrackThreshold: 90,
            frequency: 'monthly',
          },
        });
        expect(kpi.status).toBe(201);
        kpiIds[key] = kpi.body.id;
      }
      // A day before the edge: the earlier period was on time except for Uptime, which is off track in both.
      for (const [kpiId, period, value] of [
        [kpiIds.k1, edge.previous, 80],
        [kpiIds.k2, edge.previous, 99],
        [kpiIds.k1, edge.period, 80],
      ] as const) {
        const recorded = await api.http.put(`/api/v1/kpis/${kpiId}/measurements/${period}`, {
          token: officer,
          body: { value },
        });
        expect(recorded.status).toBe(201);
      }
    }, 60_000);

    afterAll(async () => {
      await worker?.close();
      await queues?.close();
      await api?.close();
      await sink?.stop();
    });

    it('should place the edge where the product design promises it', () => {
      const startDate = periodFirstDay(parsePeriod(edge.previous)!);
      const { lastDay } = clipToContract(parsePeriod(edge.period)!, startDate, edge.endDate)!;
      const times = contractPeriodTimes(lastDay, 0, edge.zone);
      expect([times.endedAt.toISOString(), times.dueAt.toISOString()]).toEqual([edge.edge, edge.edge]);
    });

    it('should judge nothing of the period a millisecond before the edge, and take no value for the next', async () => {
      clock.set(new Date(Date.parse(edge.edge) - MS));
      await run();
      expect((await evaluationsOf(edge.previous)).map((evaluation) => evaluation.status).sort()).toEqual([
        'off_track',
        'on_track',
      ]);
      expect(await evaluationsOf(edge.period)).toEqual([]);
      expect(await noticesOf(edge.period)).toEqual([]);
      expect(await packMonths()).not.toContain(packMonthOf(edge.period));
      const scorecard = await api.http.get(`/api/v1/contracts/${contractId}/scorecard`, { token: officer });
      expect(scorecard.body.periods.map((entry: { period: string }) => entry.period)).toEqual([edge.previous]);
      if (edge.next) {
        const put = await putNext();
        expect([put.status, put.body.details]).toEqual([
          400,
          [{ field: 'period', message: `period ${edge.next} has not begun yet` }],
        ]);
        const imported = await importNext();
        expect([imported.status, imported.body.details]).toEqual([
          400,
          [{ field: 'line 2: period', message: `period ${edge.next} has not begun yet` }],
        ]);
      }
    });

    it('should judge, notify, escalate and pack the period at the edge, and take a value for the next', async () => {
      clock.set(edge.edge);
      await run();
      const statuses = Object.fromEntries(
        (await evaluationsOf(edge.period)).map((evaluation) => [evaluation.kpiId, evaluation.status]),
      );
      expect(statuses).toEqual({ [kpiIds.k1]: 'off_track', [kpiIds.k2]: 'missing' });
      expect(await noticesOf(edge.period)).toEqual(['escalation', 'missing_data', 'off_track']);
      expect(await packMonths()).toContain(packMonthOf(edge.period));
      const scorecard = await api.http.get(`/api/v1/contracts/${contractId}/scorecard`, { token: officer });
      expect(scorecard.body.periods.map((entry: { period: string; status: string }) => entry)).toMatchObject([
        { period: edge.previous, status: 'off_track' },
        { period: edge.period, status: 'off_track' },
      ]);
      // The escalation email went out, to the department head, counting the two periods in a row.
      const escalations = sink.messages.filter((message) => message.subject.startsWith('Escalation – contract TZ-1'));
      expect(
        escalations.map((message) => [message.to, message.subject.endsWith('off track for 2 consecutive periods')]),
      ).toEqual([[['head@city.example'], true]]);
      if (edge.next) {
        expect((await putNext()).status).toBe(201);
        expect((await importNext()).status).toBe(200);
      }
    });
  });
}

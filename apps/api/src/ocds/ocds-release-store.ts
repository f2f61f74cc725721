import { OcdsRelease } from '#database';
import { canonicalJson, compileRelease, compareReleases, replacesStoredRelease } from '#domain';
import type { EntityManager } from 'typeorm';
import type { ImportReport, IncomingRelease } from './ocds-import.mapping.js';

export type ReleaseOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Keeps one published release by ocid and release id. The same content again is a no-op; a different version
 * of a kept release replaces it only when `replacesStoredRelease()` says so, and either way it is reported.
 */
export async function keepRelease(
  manager: EntityManager,
  incoming: IncomingRelease,
  report: ImportReport,
): Promise<ReleaseOutcome> {
  const { ocid, releaseId, release, path } = incoming;
  const date = typeof release.date === 'string' ? release.date : null;
  const stored = await manager.findOneBy(OcdsRelease, { ocid, releaseId });
  if (!stored) {
    await manager.save(manager.create(OcdsRelease, { ocid, releaseId, date, release }));
    return 'created';
  }
  if (canonicalJson(stored.release) === canonicalJson(release)) return 'unchanged';
  const dated = (value: string | null) => (value ? `dated ${value}` : 'undated');
  if (!replacesStoredRelease(stored.release, release)) {
    report.skipped.push({
      path,
      message: `another version of release ${releaseId} is kept (${dated(stored.date)}): this one (${dated(date)}) is ignored`,
    });
    return 'unchanged';
  }
  report.repaired.push({
    path,
    message: `release ${releaseId} replaces the version kept before (${dated(stored.date)})`,
  });
  await manager.save(Object.assign(stored, { date, release }));
  return 'updated';
}

/** The ocid's compiled record, from every release of it kept so far. */
export async function compiledRecord(manager: EntityManager, ocid: string): Promise<Record<string, unknown>> {
  const releases = await manager.findBy(OcdsRelease, { ocid });
  return compileRelease(releases.map((row) => row.release));
}

/** Per ocid, the path of its latest release in the file: notes on its compiled record are filed under it. */
export function latestPathByOcid(incoming: IncomingRelease[]): Map<string, string> {
  const latest = new Map<string, IncomingRelease>();
  for (const item of incoming) {
    const seen = latest.get(item.ocid);
    if (!seen || compareReleases(seen.release, item.release) <= 0) latest.set(item.ocid, item);
  }
  return new Map([...latest].map(([ocid, item]) => [ocid, item.path]));
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LibraryKpi } from '#database';
import {
  DomainError,
  kpiFromLibrary,
  libraryKpiProblems,
  nextLibraryVersion,
  type Actor,
  type KpiDefinition,
  type LibraryKpiDefinition,
} from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { CreateLibraryKpiDto } from './dto/create-library-kpi.dto.js';
import type { LibraryKpisQuery } from './dto/library-kpis.query.js';
import { toLibraryKpiResponse } from './dto/library-kpi.response.js';
import type { NewLibraryVersionDto } from './dto/new-library-version.dto.js';

const ENTITY = 'library_kpi';

/** A version with its entry's latest version number. */
export type LibraryKpiVersion = { version: LibraryKpi; latestVersion: number };

/** What a KPI or template asks of the library: the version it pins and the target and threshold it chose. */
export type LibraryChoice = { libraryKpiId: string; target?: number; offTrackThreshold?: number };

/** A KPI definition taken from a library version, pinning it. */
export type PinnedDefinition = Omit<KpiDefinition, 'frequency'> & { libraryKpiId: string };

const NOT_LATEST =
  'NOT EXISTS (SELECT 1 FROM library_kpis later WHERE later.entry_id = l.entry_id AND later.version > l.version)';

@Injectable()
export class KpiLibraryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateLibraryKpiDto, actor: Actor): Promise<LibraryKpiVersion> {
    assertFollowsRule(dto);
    return this.dataSource.transaction(async (manager) => {
      await lockLibrary(manager);
      await assertNameFree(manager, dto.name, null);
      const id = randomUUID();
      const version = await manager.save(manager.create(LibraryKpi, { ...dto, id, entryId: id, version: 1 }));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: ENTITY,
        entityId: version.id,
        after: toLibraryKpiResponse(version, 1),
      });
      return { version, latestVersion: 1 };
    });
  }

  /**
   * Writes the entry's next version from its latest one. Only the latest version may be edited: an edit based on
   * an older one would silently drop what the versions after it changed (409).
   */
  async addVersion(id: string, dto: NewLibraryVersionDto, actor: Actor): Promise<LibraryKpiVersion> {
    return this.dataSource.transaction(async (manager) => {
      await lockLibrary(manager);
      const { version: edited, latestVersion } = await this.get(id, manager);
      if (edited.version !== latestVersion) {
        throw new DomainError(
          'CONFLICT',
          `Library KPI ${id} is version ${edited.version} of its entry; the latest is version ${latestVersion}: edit that one`,
        );
      }
      const next = nextLibraryVersion(definitionOf(edited), dto);
      if (sameDefinition(next, definitionOf(edited))) {
        throw new DomainError('INVALID_INPUT', `Nothing changes: the new version would equal version ${latestVersion}`);
      }
      assertFollowsRule(next);
      if (next.name.toLowerCase() !== edited.name.toLowerCase())
        await assertNameFree(manager, next.name, edited.entryId);
      const version = await manager.save(
        manager.create(LibraryKpi, { ...next, entryId: edited.entryId, version: latestVersion + 1 }),
      );
      await this.audit.record(manager, actor, {
        action: 'create_version',
        entityType: ENTITY,
        entityId: version.id,
        before: toLibraryKpiResponse(edited, latestVersion),
        after: toLibraryKpiResponse(version, version.version),
      });
      return { version, latestVersion: version.version };
    });
  }

  async list(query: LibraryKpisQuery): Promise<[LibraryKpiVersion[], number]> {
    const builder = this.dataSource.getRepository(LibraryKpi).createQueryBuilder('l');
    if (query.entryId) builder.where('l.entry_id = :entryId', { entryId: query.entryId });
    else builder.where(NOT_LATEST);
    if (query.category) builder.andWhere('l.category = :category', { category: query.category });
    const [versions, total] = await builder
      .orderBy('l.category', 'ASC')
      .addOrderBy('l.name', 'ASC')
      .addOrderBy('l.entry_id', 'ASC')
      .addOrderBy('l.version', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const latest = await latestVersions(
      this.dataSource.manager,
      versions.map((version) => version.entryId),
    );
    return [versions.map((version) => ({ version, latestVersion: latest.get(version.entryId)! })), total];
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<LibraryKpiVersion> {
    const version = await manager.findOneBy(LibraryKpi, { id });
    if (!version) throw DomainError.notFound('Library KPI', id);
    const latest = await latestVersions(manager, [version.entryId]);
    return { version, latestVersion: latest.get(version.entryId)! };
  }

  /**
   * A KPI definition from the library version `choice` pins: its name, description, unit and direction, with the
   * target and threshold chosen (or suggested). Problems are 400s naming the fields under `prefix`.
   */
  async pinnedDefinition(manager: EntityManager, choice: LibraryChoice, prefix = ''): Promise<PinnedDefinition> {
    const version = await manager.findOneBy(LibraryKpi, { id: choice.libraryKpiId });
    if (!version) {
      throw DomainError.invalid(`${prefix}libraryKpiId`, `library KPI ${choice.libraryKpiId} does not exist`);
    }
    const { definition, problems } = kpiFromLibrary(definitionOf(version), choice, prefix);
    if (problems.length) throw new DomainError('INVALID_INPUT', problems[0].message, problems);
    return { ...definition, libraryKpiId: version.id };
  }
}

/** Library writes are rare: one at a time keeps names unique across entries and version numbers gap-free. */
async function lockLibrary(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cpt-kpi-library'))`);
}

async function latestVersions(manager: EntityManager, entryIds: string[]): Promise<Map<string, number>> {
  if (entryIds.length === 0) return new Map();
  const rows: { entryId: string; latest: number }[] = await manager.query(
    `SELECT entry_id AS "entryId", max(version)::int AS latest FROM library_kpis
      WHERE entry_id = ANY($1::uuid[]) GROUP BY entry_id`,
    [[...new Set(entryIds)]],
  );
  return new Map(rows.map((row) => [row.entryId, row.latest]));
}

/** No two entries' latest versions share a name (letter case aside): officers pick entries by name. */
async function assertNameFree(manager: EntityManager, name: string, ownEntryId: string | null): Promise<void> {
  const taken: unknown[] = await manager.query(
    `SELECT 1 FROM library_kpis l
      WHERE lower(l.name) = lower($1) AND l.entry_id IS DISTINCT FROM $2::uuid AND ${NOT_LATEST} LIMIT 1`,
    [name, ownEntryId],
  );
  if (taken.length) throw DomainError.taken('name', `The KPI library already has an entry named "${name}"`);
}

function assertFollowsRule(definition: LibraryKpiDefinition): void {
  const problems = libraryKpiProblems(definition);
  if (problems.length) throw new DomainError('INVALID_INPUT', problems[0].message, problems);
}

const definitionOf = (version: LibraryKpi): LibraryKpiDefinition => ({
  name: version.name,
  category: version.category,
  unit: version.unit,
  direction: version.direction,
  description: version.description,
  suggestedTarget: version.suggestedTarget,
  suggestedOffTrackThreshold: version.suggestedOffTrackThreshold,
});

const sameDefinition = (a: LibraryKpiDefinition, b: LibraryKpiDefinition): boolean =>
  (Object.keys(a) as (keyof LibraryKpiDefinition)[]).every((field) => a[field] === b[field]);

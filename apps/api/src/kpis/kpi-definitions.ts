import { DomainError, type KpiDefinition } from '#domain';
import type { EntityManager } from 'typeorm';
import type { KpiLibraryService } from '../kpi-library/kpi-library.service.js';
import type { KpiDefinitionDto } from './dto/kpi-definition.dto.js';

/**
 * The definition a KPI (or a solicitation's template) is stored with. With `libraryKpiId` it is the library
 * version's, with the target and threshold chosen or suggested; without, the fields as given (validated complete).
 */
export async function kpiDefinitionOf(
  library: KpiLibraryService,
  manager: EntityManager,
  dto: KpiDefinitionDto,
  prefix = '',
): Promise<KpiDefinition> {
  if (dto.libraryKpiId !== undefined) {
    const pinned = await library.pinnedDefinition(
      manager,
      { libraryKpiId: dto.libraryKpiId, target: dto.target, offTrackThreshold: dto.offTrackThreshold },
      prefix,
    );
    return { ...pinned, frequency: dto.frequency };
  }
  return {
    name: dto.name!,
    description: dto.description ?? null,
    unit: dto.unit!,
    direction: dto.direction!,
    target: dto.target!,
    offTrackThreshold: dto.offTrackThreshold!,
    frequency: dto.frequency,
  };
}

/** A solicitation's templates as stored; names must not repeat, as KPI names are unique within a contract. */
export async function templateDefinitions(
  library: KpiLibraryService,
  manager: EntityManager,
  templates: KpiDefinitionDto[],
): Promise<KpiDefinition[]> {
  const definitions: KpiDefinition[] = [];
  for (const [index, template] of templates.entries()) {
    definitions.push(await kpiDefinitionOf(library, manager, template, `kpiTemplates.${index}.`));
  }
  const names = definitions.map((definition) => definition.name);
  if (new Set(names).size !== names.length) {
    throw DomainError.invalid('kpiTemplates', 'kpiTemplates must not repeat a KPI name');
  }
  return definitions;
}

import type { ErrorDetail } from '../errors/domain-error.js';
import type { KpiDirection } from '../evaluation/kpi-definition.js';
import { kpiRuleProblems } from '../evaluation/kpi-rule.js';

/** The library's categories: the city service a measure belongs to. */
export const LIBRARY_KPI_CATEGORIES = [
  'streets',
  'sanitation',
  'transportation',
  'customer_service',
  'technology',
  'housing',
  'workforce',
  'permits',
  'youth',
  'parks',
  'facilities',
  'general',
] as const;
export type LibraryKpiCategory = (typeof LIBRARY_KPI_CATEGORIES)[number];

/**
 * One version of a library entry. `unit` and `direction` are the entry's own and never change between versions,
 * so that results of KPIs pinned to different versions measure the same thing and can be compared as peers.
 */
export type LibraryKpiDefinition = {
  name: string;
  category: LibraryKpiCategory;
  unit: string;
  direction: KpiDirection;
  description: string;
  suggestedTarget: number;
  suggestedOffTrackThreshold: number;
};

/** What an edit may change: everything but the entry's unit and direction. */
export type LibraryKpiChanges = Partial<Omit<LibraryKpiDefinition, 'unit' | 'direction'>>;

/** The fields a KPI takes from the library version it pins; the officer sets none of them. */
export const LIBRARY_DEFINED_FIELDS = ['name', 'description', 'unit', 'direction'] as const;

/** The suggested target and threshold follow the direction rule, as a KPI's do (named as the library names them). */
export function libraryKpiProblems(definition: LibraryKpiDefinition): ErrorDetail[] {
  const rule = {
    direction: definition.direction,
    target: definition.suggestedTarget,
    offTrackThreshold: definition.suggestedOffTrackThreshold,
  };
  if (kpiRuleProblems(rule).length === 0) return [];
  const message =
    definition.direction === 'lower_is_better'
      ? 'suggestedOffTrackThreshold must not be below suggestedTarget when lower is better'
      : 'suggestedOffTrackThreshold must not be above suggestedTarget when higher is better';
  return [{ field: 'suggestedOffTrackThreshold', message }];
}

/** The next version of an entry: the latest one with the changes applied. */
export function nextLibraryVersion(latest: LibraryKpiDefinition, changes: LibraryKpiChanges): LibraryKpiDefinition {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...latest, ...defined };
}

/**
 * A KPI's definition from a library version: name, description, unit and direction are the version's; target and
 * threshold are the officer's where given, else the suggested ones. Checked by the direction rule, whose problems
 * name the fields under `prefix`.
 */
export function kpiFromLibrary(
  version: LibraryKpiDefinition,
  chosen: { target?: number; offTrackThreshold?: number },
  prefix = '',
): {
  definition: {
    name: string;
    description: string;
    unit: string;
    direction: KpiDirection;
    target: number;
    offTrackThreshold: number;
  };
  problems: ErrorDetail[];
} {
  const definition = {
    name: version.name,
    description: version.description,
    unit: version.unit,
    direction: version.direction,
    target: chosen.target ?? version.suggestedTarget,
    offTrackThreshold: chosen.offTrackThreshold ?? version.suggestedOffTrackThreshold,
  };
  return { definition, problems: kpiRuleProblems(definition, prefix) };
}

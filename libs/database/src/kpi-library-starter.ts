import type { LibraryKpiDefinition } from '#domain';

/** A starter entry: version 1 of its entry, with a fixed id (its entry's id) that the demo city pins. */
export type StarterLibraryKpi = LibraryKpiDefinition & { id: string };

const id = (n: number) => `0b7e1b5a-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Measures of city services that cities commonly contract for, with the targets their programs usually hold
 * vendors to. Entries are added, never edited here: a better definition is a new version written by the
 * library's own route, so that databases migrated at different times hold the same version 1.
 */
export const STARTER_LIBRARY_KPIS: readonly StarterLibraryKpi[] = [
  {
    id: id(1),
    name: 'Potholes repaired within 72 hours',
    category: 'streets',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of reported potholes repaired within 72 hours of the report.',
    suggestedTarget: 90,
    suggestedOffTrackThreshold: 80,
  },
  {
    id: id(2),
    name: '311 first-contact resolution',
    category: 'customer_service',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of 311 requests resolved during the first call or chat, without a transfer or a callback.',
    suggestedTarget: 75,
    suggestedOffTrackThreshold: 65,
  },
  {
    id: id(3),
    name: 'Service uptime',
    category: 'technology',
    unit: '%',
    direction: 'higher_is_better',
    description: "Share of the month's minutes the service was available to its users, announced maintenance excluded.",
    suggestedTarget: 99.9,
    suggestedOffTrackThreshold: 99.5,
  },
  {
    id: id(4),
    name: 'Exits to permanent housing',
    category: 'housing',
    unit: '%',
    direction: 'higher_is_better',
    description:
      'Share of people leaving the program who exit to permanent housing (HUD System Performance Measure 7).',
    suggestedTarget: 40,
    suggestedOffTrackThreshold: 30,
  },
  {
    id: id(5),
    name: 'Employed in the second quarter after exit',
    category: 'workforce',
    unit: '%',
    direction: 'higher_is_better',
    description:
      'Share of participants in unsubsidized employment in the second quarter after exit (a WIOA primary indicator).',
    suggestedTarget: 70,
    suggestedOffTrackThreshold: 60,
  },
  {
    id: id(6),
    name: 'Missed waste collections per 10,000',
    category: 'sanitation',
    unit: 'per 10,000 collections',
    direction: 'lower_is_better',
    description: 'Missed residential collections reported by residents per 10,000 scheduled collections.',
    suggestedTarget: 5,
    suggestedOffTrackThreshold: 10,
  },
  {
    id: id(7),
    name: 'On-time paratransit pickups',
    category: 'transportation',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of paratransit trips picked up within the 30-minute pickup window (ADA complementary service).',
    suggestedTarget: 92,
    suggestedOffTrackThreshold: 85,
  },
  {
    id: id(8),
    name: 'Graffiti removed within 48 hours',
    category: 'streets',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of graffiti reports on public property cleaned or painted over within 48 hours.',
    suggestedTarget: 90,
    suggestedOffTrackThreshold: 75,
  },
  {
    id: id(9),
    name: 'Permit review time',
    category: 'permits',
    unit: 'business days',
    direction: 'lower_is_better',
    description: 'Median business days from a complete permit application to the first review decision.',
    suggestedTarget: 15,
    suggestedOffTrackThreshold: 30,
  },
  {
    id: id(10),
    name: 'Youth program completion rate',
    category: 'youth',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of enrolled young people who complete the program cycle they started.',
    suggestedTarget: 80,
    suggestedOffTrackThreshold: 65,
  },
  {
    id: id(11),
    name: 'Streetlight outages repaired within 7 days',
    category: 'streets',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of reported streetlight outages restored within seven calendar days.',
    suggestedTarget: 90,
    suggestedOffTrackThreshold: 80,
  },
  {
    id: id(12),
    name: '311 calls answered within 60 seconds',
    category: 'customer_service',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of 311 calls answered by an agent within 60 seconds of entering the queue.',
    suggestedTarget: 80,
    suggestedOffTrackThreshold: 70,
  },
  {
    id: id(13),
    name: 'Recycling contamination rate',
    category: 'sanitation',
    unit: '%',
    direction: 'lower_is_better',
    description: 'Share by weight of collected recycling rejected as contamination at the sorting facility.',
    suggestedTarget: 15,
    suggestedOffTrackThreshold: 25,
  },
  {
    id: id(14),
    name: 'Facility work orders completed on time',
    category: 'facilities',
    unit: '%',
    direction: 'higher_is_better',
    description: 'Share of facility maintenance work orders completed within the priority response time.',
    suggestedTarget: 90,
    suggestedOffTrackThreshold: 80,
  },
  {
    id: id(15),
    name: 'Returns to homelessness within 12 months',
    category: 'housing',
    unit: '%',
    direction: 'lower_is_better',
    description:
      'Share of people who exited to permanent housing and returned to homelessness within 12 months (HUD Measure 2).',
    suggestedTarget: 10,
    suggestedOffTrackThreshold: 20,
  },
  {
    id: id(16),
    name: 'Park inspections passed',
    category: 'parks',
    unit: '%',
    direction: 'higher_is_better',
    description:
      'Share of scheduled park maintenance inspections passed on first visit (turf, litter, play equipment).',
    suggestedTarget: 90,
    suggestedOffTrackThreshold: 80,
  },
];

/** The starter entry a name stands for, for code that pins one (the demo city). */
export function starterLibraryKpi(name: string): StarterLibraryKpi {
  const entry = STARTER_LIBRARY_KPIS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No starter library KPI is named "${name}"`);
  return entry;
}

/**
 * Writes the starter entries that are missing, in one statement; entries already there (and their later
 * versions) are left as they are. Run by the migration `StarterKpiLibrary` and by the demo city's loader.
 */
export async function insertStarterLibraryKpis(runner: {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}): Promise<void> {
  await runner.query(
    `INSERT INTO library_kpis (id, entry_id, version, name, category, unit, direction, description,
                               suggested_target, suggested_off_track_threshold)
     SELECT s.id, s.id, 1, s.name, s.category, s.unit, s.direction, s.description, s."suggestedTarget",
            s."suggestedOffTrackThreshold"
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, name text, category text, unit text, direction text,
            description text, "suggestedTarget" numeric, "suggestedOffTrackThreshold" numeric)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(STARTER_LIBRARY_KPIS)],
  );
}

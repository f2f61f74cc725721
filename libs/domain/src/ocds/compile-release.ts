/** An OCDS release as parsed JSON: `ocid`, `id`, `date` and whatever else the publisher wrote. */
export type OcdsRelease = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with object keys sorted, so two releases that say the same thing compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The instant a release's `date` names, for ordering; a missing or unreadable date sorts first. */
function dateOrder(release: OcdsRelease): number {
  const time = typeof release.date === 'string' ? Date.parse(release.date) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The order OCDS merges releases in: by `date`; releases of the same instant by release `id`, then by content,
 * so the compiled record never depends on the order the releases arrived in.
 */
export function compareReleases(a: OcdsRelease, b: OcdsRelease): number {
  const byDate = dateOrder(a) - dateOrder(b);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate < 0 ? -1 : 1;
  const [idA, idB] = [String(a.id ?? ''), String(b.id ?? '')];
  if (idA !== idB) return idA < idB ? -1 : 1;
  const [textA, textB] = [canonicalJson(a), canonicalJson(b)];
  return textA === textB ? 0 : textA < textB ? -1 : 1;
}

/** Arrays whose every item is an object with an `id` merge item by item; any other array is replaced whole. */
const isIdentifiedList = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && item.id != null);

/** One later value over an earlier one by the OCDS merge rules; `undefined` means the field is gone. */
function mergeValue(earlier: unknown, later: unknown): unknown {
  if (later === null) return undefined;
  if (isObject(later)) return mergeObject(isObject(earlier) ? earlier : {}, later);
  if (isIdentifiedList(later)) {
    const merged = new Map<string, unknown>();
    if (isIdentifiedList(earlier)) for (const item of earlier) merged.set(String(item.id), item);
    // An item keeps its place (a Map keeps a key where it was first set); a new one comes last.
    for (const item of later) merged.set(String(item.id), mergeValue(merged.get(String(item.id)), item));
    return [...merged.values()];
  }
  return later;
}

function mergeObject(earlier: Record<string, unknown>, later: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const next = mergeValue(earlier[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}

/**
 * The compiled release of one contracting process, by the OCDS merge rules
 * (https://standard.open-contracting.org/latest/en/schema/merging/): the releases in date order, each one's
 * fields over the ones before; objects merge field by field, arrays of objects with `id` merge item by `id`,
 * other arrays and values are replaced, and `null` removes a field. Pure; the inputs are left as they are.
 */
export function compileRelease(releases: readonly OcdsRelease[]): OcdsRelease {
  const ordered = [...releases].sort(compareReleases);
  const compiled = ordered.reduce<OcdsRelease>((merged, release) => mergeObject(merged, release), {});
  const latest = ordered.at(-1);
  if (latest) {
    // The compiled release speaks for the record as of its latest release, not for any one release.
    compiled.id = `${String(compiled.ocid ?? '')}-${String(latest.date ?? '')}`;
    compiled.tag = ['compiled'];
  }
  return compiled;
}

/**
 * Which of two versions of one release (same `ocid` and `id`, different content) is kept: the later-dated one;
 * at the same date, the one whose content sorts last. Never the order they arrived in, so importing the same
 * files again, in any order, keeps the same version. Returns true when `arriving` replaces `stored`.
 */
export function replacesStoredRelease(stored: OcdsRelease, arriving: OcdsRelease): boolean {
  return compareReleases(stored, arriving) < 0;
}

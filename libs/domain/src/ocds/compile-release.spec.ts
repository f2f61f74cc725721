import { canonicalJson, compileRelease, replacesStoredRelease, type OcdsRelease } from './compile-release.js';

const planning: OcdsRelease = {
  ocid: 'ocds-x-1',
  id: 'r-planning',
  date: '2024-01-10T00:00:00Z',
  tag: ['planning'],
  buyer: { id: 'B', name: 'Parks' },
  parties: [{ id: 'B', name: 'Parks', roles: ['buyer'] }],
  planning: { budget: { amount: { amount: 100, currency: 'MXN' } } },
};
const tender: OcdsRelease = {
  ocid: 'ocds-x-1',
  id: 'r-tender',
  date: '2024-02-10T00:00:00Z',
  tag: ['tender'],
  parties: [{ id: 'B', name: 'Parks Department', roles: ['buyer', 'procuringEntity'] }],
  tender: { id: 't', title: 'Mowing', status: 'active', items: [{ id: '1', quantity: 3 }] },
};
const award: OcdsRelease = {
  ocid: 'ocds-x-1',
  id: 'r-award',
  date: '2024-03-10T00:00:00Z',
  tag: ['award'],
  parties: [{ id: 'S', name: 'Green Co', roles: ['supplier'] }],
  tender: { status: 'complete', items: [{ id: '2', quantity: 1 }] },
  awards: [{ id: 'a1', suppliers: [{ id: 'S', name: 'Green Co' }] }],
};

describe('compileRelease', () => {
  it('merges objects field by field and arrays of objects with ids item by item', () => {
    const compiled = compileRelease([planning, tender, award]);
    expect(compiled.parties).toEqual([
      { id: 'B', name: 'Parks Department', roles: ['buyer', 'procuringEntity'] },
      { id: 'S', name: 'Green Co', roles: ['supplier'] },
    ]);
    expect(compiled.tender).toEqual({
      id: 't',
      title: 'Mowing',
      status: 'complete',
      items: [
        { id: '1', quantity: 3 },
        { id: '2', quantity: 1 },
      ],
    });
    expect(compiled.planning).toEqual(planning.planning);
    expect(compiled.awards).toEqual(award.awards);
  });

  it('merges in date order, whatever order the releases come in', () => {
    const forward = compileRelease([planning, tender, award]);
    expect(compileRelease([award, planning, tender])).toEqual(forward);
    expect(compileRelease([award, tender, planning])).toEqual(forward);
  });

  it('never lets an older release overwrite a newer one', () => {
    const older = { ...tender, id: 'r-old', date: '2024-01-01T00:00:00Z', tender: { title: 'Old title' } };
    expect((compileRelease([tender, older]).tender as OcdsRelease).title).toBe('Mowing');
  });

  it('compares dates as instants, not as text', () => {
    const utc = { ocid: 'o', id: 'a', date: '2024-01-01T10:00:00Z', title: 'ten UTC' };
    const offset = { ocid: 'o', id: 'b', date: '2024-01-01T09:00:00-02:00', title: 'eleven UTC' };
    expect(compileRelease([offset, utc]).title).toBe('eleven UTC');
  });

  it('replaces arrays of values and arrays of objects without ids whole', () => {
    const first = { ocid: 'o', id: '1', date: '2024-01-01T00:00:00Z', tag: ['tender'], list: [{ a: 1 }, { a: 2 }] };
    const second = { ocid: 'o', id: '2', date: '2024-01-02T00:00:00Z', tag: ['award'], list: [{ a: 3 }] };
    const compiled = compileRelease([first, second]);
    expect(compiled.list).toEqual([{ a: 3 }]);
  });

  it('removes a field a later release sets to null, also inside an item', () => {
    const later = {
      ocid: 'ocds-x-1',
      id: 'r-fix',
      date: '2024-04-01T00:00:00Z',
      planning: null,
      tender: { items: [{ id: '1', quantity: null }] },
    };
    const compiled = compileRelease([planning, tender, later]);
    expect(compiled).not.toHaveProperty('planning');
    expect((compiled.tender as { items: unknown[] }).items).toEqual([{ id: '1' }]);
  });

  it('orders releases of the same date by id, then by content', () => {
    const a = { ocid: 'o', id: 'a', date: '2024-01-01T00:00:00Z', title: 'from a' };
    const b = { ocid: 'o', id: 'b', date: '2024-01-01T00:00:00Z', title: 'from b' };
    expect(compileRelease([b, a]).title).toBe('from b');
    expect(compileRelease([a, b]).title).toBe('from b');
    const undated = { ocid: 'o', id: 'z', title: 'undated' };
    expect(compileRelease([a, undated]).title).toBe('from a');
  });

  it('names the compiled release after the record and its latest date, and leaves its inputs alone', () => {
    const copy = structuredClone(award);
    const compiled = compileRelease([tender, award]);
    expect(compiled).toMatchObject({ ocid: 'ocds-x-1', id: 'ocds-x-1-2024-03-10T00:00:00Z', tag: ['compiled'] });
    expect(award).toEqual(copy);
    expect(compileRelease([])).toEqual({});
  });
});

describe('replacesStoredRelease', () => {
  const stored = { ocid: 'o', id: 'r', date: '2024-01-02T00:00:00Z', title: 'stored' };
  it('keeps the later-dated version; at the same date the same one whichever arrives last', () => {
    expect(replacesStoredRelease(stored, { ...stored, date: '2024-01-03T00:00:00Z' })).toBe(true);
    expect(replacesStoredRelease(stored, { ...stored, date: '2024-01-01T00:00:00Z' })).toBe(false);
    const other = { ...stored, title: 'corrected' };
    expect(replacesStoredRelease(stored, other)).not.toBe(replacesStoredRelease(other, stored));
    expect(replacesStoredRelease(stored, { ...stored })).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('is the same whatever the key order', () => {
    expect(canonicalJson({ b: [1, { y: 2, x: 1 }], a: 'a' })).toBe(canonicalJson({ a: 'a', b: [1, { x: 1, y: 2 }] }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});

import { bounded, toCalendarDate, toReference, type ImportReport } from './ocds-import.mapping.js';

const report = (): ImportReport => ({ repaired: [], skipped: [] });

describe('toReference', () => {
  it('keeps a number the API takes, without a note', () => {
    const notes = report();
    expect(toReference('GACM/DCI/SJ/CM/01-2014', '$.id', notes)).toBe('GACM/DCI/SJ/CM/01-2014');
    expect(notes.repaired).toEqual([]);
  });

  it.each([
    ['Contrato No. ITP-S-DCAGI-SC-004/2014', 'Contrato-No.-ITP-S-DCAGI-SC-004/2014'],
    ['GACM/DCI/SJ/CM-18-2015  01 AL CONVENIO', 'GACM/DCI/SJ/CM-18-2015-01-AL-CONVENIO'],
    ['-- 12', '12'],
  ])('writes %s as %s, noted', (written, expected) => {
    const notes = report();
    expect(toReference(written, '$.id', notes)).toBe(expected);
    expect(notes.repaired).toEqual([
      { path: '$.id', message: `not a valid reference number: recorded as ${expected}` },
    ]);
  });

  it('ends a number beyond 64 characters with a digest of the whole, so long numbers stay distinct', () => {
    const long = `${'A'.repeat(70)}1`;
    const other = `${'A'.repeat(70)}2`;
    const [a, b] = [toReference(long, '$', report()), toReference(other, '$', report())];
    expect(a).toMatch(/^A{51}-[0-9A-F]{12}$/);
    expect(a).not.toBe(b);
    expect(toReference('¿?', '$', report())).toMatch(/^[0-9A-F]{12}$/);
  });
});

describe('bounded', () => {
  it('shortens text beyond the limit and notes it', () => {
    const notes = report();
    expect(bounded('abc', 3, '$.name', notes)).toBe('abc');
    expect(bounded('abcd', 3, '$.name', notes)).toBe('abc');
    expect(notes.repaired).toEqual([{ path: '$.name', message: 'longer than 3 characters: shortened' }]);
  });
});

describe('toCalendarDate', () => {
  it('takes real calendar days only', () => {
    const notes = report();
    expect(toCalendarDate('2024-02-29T00:00:00Z', '$.d', notes)).toBe('2024-02-29');
    expect(toCalendarDate('2023-02-29', '$.d', notes)).toBeNull();
    expect(notes.skipped).toEqual([{ path: '$.d', message: 'not a date' }]);
  });
});

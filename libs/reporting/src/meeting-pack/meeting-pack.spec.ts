import { percentOf } from './load-meeting-pack.js';
import { meetingPackFileName } from './meeting-pack.js';

describe('meeting pack figures', () => {
  it.each([
    [1, 5, 20],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3],
    [1, 3, 33.3],
    [14000, 22500.5, 62.2],
    [0, 4, 0],
    [0, 0, null],
  ])('should make %d of %d %p percent', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it('should name the file after the department code and month, keeping only safe characters', () => {
    expect(meetingPackFileName('PW', '2026-03', 'pdf')).toBe('meeting-pack_PW_2026-03.pdf');
    expect(meetingPackFileName('a/b "c"', '2026-03', 'html')).toBe('meeting-pack_a_b__c__2026-03.html');
  });
});

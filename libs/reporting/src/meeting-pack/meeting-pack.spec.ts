import { meetingPackFileName } from './meeting-pack.js';

describe('meeting pack figures', () => {
  it('should name the file after the department code and month, keeping only safe characters', () => {
    expect(meetingPackFileName('PW', '2026-03', 'pdf')).toBe('meeting-pack_PW_2026-03.pdf');
    expect(meetingPackFileName('a/b "c"', '2026-03', 'html')).toBe('meeting-pack_a_b__c__2026-03.html');
  });
});

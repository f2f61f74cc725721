import { expiryNoticeDue, expiryNoticeStillDue, expiryResultsFrom } from './contract-expiry.js';

describe('expiryNoticeDue', () => {
  const endDate = '2027-06-30';

  it('should call for nothing more than 120 days before the end', () => {
    expect(expiryNoticeDue(endDate, '2027-03-01')).toBeNull(); // 121 days left
  });

  it('should call for the 120-day email from 120 days before the end to 61', () => {
    expect(expiryNoticeDue(endDate, '2027-03-02')).toBe('120-days'); // 120 days left
    expect(expiryNoticeDue(endDate, '2027-04-30')).toBe('120-days'); // 61 days left
  });

  it('should call for the 60-day email from 60 days before the end to its last day', () => {
    expect(expiryNoticeDue(endDate, '2027-05-01')).toBe('60-days'); // 60 days left
    expect(expiryNoticeDue(endDate, endDate)).toBe('60-days'); // its last day, still in force
  });

  it('should call for nothing once the contract has ended', () => {
    expect(expiryNoticeDue(endDate, '2027-07-01')).toBeNull();
  });

  it('should count calendar days across a leap day and a change of year', () => {
    expect(expiryNoticeDue('2028-03-31', '2027-12-02')).toBe('120-days'); // 29 Feb 2028 counted: 120 days
    expect(expiryNoticeDue('2028-03-31', '2027-12-01')).toBeNull(); // 121 days
  });
});

describe('expiryNoticeStillDue', () => {
  it('should hold while the end is within the occasion’s days and has not passed', () => {
    expect(expiryNoticeStillDue('120-days', '2027-06-30', '2027-05-15')).toBe(true);
    expect(expiryNoticeStillDue('60-days', '2027-06-30', '2027-06-30')).toBe(true);
  });

  it('should withdraw an email whose contract ended or whose end moved beyond its days', () => {
    expect(expiryNoticeStillDue('60-days', '2027-06-30', '2027-07-01')).toBe(false);
    expect(expiryNoticeStillDue('60-days', '2027-12-31', '2027-05-15')).toBe(false);
    expect(expiryNoticeStillDue('30-days', '2027-06-30', '2027-06-15')).toBe(false);
  });
});

describe('expiryResultsFrom', () => {
  it('should look back 12 calendar months, clamping to the end of a shorter month', () => {
    expect(expiryResultsFrom('2027-05-15')).toBe('2026-05-15');
    expect(expiryResultsFrom('2028-02-29')).toBe('2027-02-28');
  });
});

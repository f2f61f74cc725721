import { AppEnv } from './app-env.js';
import { validateEnv } from './validate-env.js';

const validate = validateEnv(AppEnv);

describe('AppEnv', () => {
  it('should give vendors 14 days to comment on a performance evaluation unless told otherwise', () => {
    expect(validate({}).VENDOR_COMMENT_DAYS).toBe(14);
    expect(validate({ VENDOR_COMMENT_DAYS: '30' }).VENDOR_COMMENT_DAYS).toBe(30);
  });

  it.each(['0', '-3', '2.5', 'two weeks', '366'])('should refuse VENDOR_COMMENT_DAYS=%s, naming it', (value) => {
    expect(() => validate({ VENDOR_COMMENT_DAYS: value })).toThrow(/VENDOR_COMMENT_DAYS/);
  });
});

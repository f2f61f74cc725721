import { IsInt, Max, Min } from 'class-validator';
import { IsCronPattern } from './env-validators.js';
import { InfraEnv } from './infra-env.js';
import { ConfigurationError, validateEnv } from './validate-env.js';

class ExampleEnv extends InfraEnv {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3000;
  @IsCronPattern() CRON: string = '0 6 * * *';
}

const validate = validateEnv(ExampleEnv);

describe('validateEnv', () => {
  it('should apply the defaults when nothing is set', () => {
    expect(validate({})).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/contracts',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      CRON: '0 6 * * *',
      LOG_LEVEL: 'info',
    });
  });

  it('should convert numbers and ignore variables it does not know', () => {
    const env = validate({ PORT: '8080', HOME: '/root' });
    expect(env.PORT).toBe(8080);
    expect(env).not.toHaveProperty('HOME');
  });

  it('should treat an empty variable as unset', () => {
    expect(validate({ PORT: '' }).PORT).toBe(3000);
  });

  it('should name every bad variable at once', () => {
    const bad = () => validate({ PORT: 'abc', DATABASE_URL: 'mysql://x/y', CRON: 'every day', LOG_LEVEL: 'loud' });
    expect(bad).toThrow(ConfigurationError);
    try {
      bad();
    } catch (error) {
      const { problems, message } = error as ConfigurationError;
      expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
        'CRON',
        'DATABASE_URL',
        'LOG_LEVEL',
        'PORT',
      ]);
      expect(message).toContain('PORT: ');
      expect(message).toContain('(got "abc")');
    }
  });

  it.each(['redis://', 'http://127.0.0.1:6379', 'not a url'])('should refuse REDIS_URL %s', (value) => {
    expect(() => validate({ REDIS_URL: value })).toThrow(/REDIS_URL/);
  });
});

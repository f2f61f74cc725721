import { loadEnv } from '#runtime';
import { ApiEnv } from './api-env.js';
import { isAddressOrCidr, trustedProxies } from './trusted-proxies.js';

describe('trusted proxies', () => {
  it('should read a comma-separated setting, dropping blanks', () => {
    expect(trustedProxies(' 10.0.0.1, 192.168.0.0/16 ,,::1 ')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(trustedProxies('')).toEqual([]);
  });

  it.each(['10.0.0.1', '10.0.0.0/8', '0.0.0.0/0', '::1', 'fd00::/8', '2001:db8::/128'])('should accept %s', (entry) => {
    expect(isAddressOrCidr(entry)).toBe(true);
  });

  it.each(['proxy.example', '10.0.0.256', '10.0.0.0/33', '::1/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/-1', '*'])(
    'should refuse %s',
    (entry) => {
      expect(isAddressOrCidr(entry)).toBe(false);
    },
  );
});

describe('TRUST_PROXY', () => {
  it('should default to trusting no proxy', () => {
    expect(loadEnv(ApiEnv, {}).TRUST_PROXY).toBe('');
  });

  it('should refuse a host name at start, naming the variable', () => {
    expect(() => loadEnv(ApiEnv, { TRUST_PROXY: '10.0.0.1, proxy.example' })).toThrow(
      /TRUST_PROXY: TRUST_PROXY must list proxy addresses or CIDR ranges/,
    );
  });
});

import { evictionPolicyOf } from './redis-eviction-policy.js';

describe('evictionPolicyOf', () => {
  it('should read the policy from INFO memory', () => {
    const info = '# Memory\r\nused_memory:1000\r\nmaxmemory_policy:allkeys-lru\r\nallocator_frag_ratio:1.0\r\n';
    expect(evictionPolicyOf(info)).toBe('allkeys-lru');
  });

  it('should answer null when the line is missing', () => {
    expect(evictionPolicyOf('# Memory\r\nused_memory:1000\r\n')).toBeNull();
  });
});

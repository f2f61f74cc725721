import { bearerToken, displayPrefix, generateToken, hashToken } from './api-key-token.js';

describe('API key tokens', () => {
  it('should generate distinct tokens with 256 bits of randomness', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
  });

  it('should hash to a stable hex digest that differs from the token', () => {
    expect(hashToken('cpt_abc')).toBe(hashToken('cpt_abc'));
    expect(hashToken('cpt_abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('cpt_abc')).not.toBe(hashToken('cpt_abd'));
  });

  it('should show only the first characters', () => {
    expect(displayPrefix('cpt_ABCDEFGHIJ')).toBe('cpt_ABCDEF');
  });

  it.each([
    ['Bearer cpt_x', 'cpt_x'],
    ['bearer   cpt_x ', 'cpt_x'],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer a b', null],
    [undefined, null],
  ])('should read %p as %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

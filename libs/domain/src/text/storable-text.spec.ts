import { isStorableText } from './storable-text.js';

describe('isStorableText', () => {
  it.each(['', 'Acme Tree Care', 'São Paulo', 'Общество Ромашка', 'Արարատ', '😀 emoji pair', 'tab\tand\nnewline'])(
    'accepts %j',
    (text) => {
      expect(isStorableText(text)).toBe(true);
    },
  );

  it.each([
    ['a NUL byte', 'a\u0000b'],
    ['a lone high surrogate', 'x\ud800'],
    ['a lone low surrogate', '\udfffy'],
    ['a reversed pair', '\ude00\ud83d'],
  ])('refuses %s', (_case, text) => {
    expect(isStorableText(text)).toBe(false);
  });
});

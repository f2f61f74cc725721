import { formatMoney, formatNumber, formatPercent, NO_VALUE, pdfSafeText } from './pdf-format.js';

describe('formatPercent', () => {
  it.each<[number | null, string]>([
    [33.3, '33.3%'],
    [25, '25.0%'],
    [0, '0.0%'],
    [100, '100.0%'],
    [null, NO_VALUE],
  ])('should write %p as %p', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each<[number | null, number | undefined, string]>([
    [200000, undefined, '200,000'],
    [99.5, undefined, '99.5'],
    [1.23456, undefined, '1.2346'],
    [1.25, 1, '1.3'],
    [-3, undefined, '-3'],
    [null, undefined, '—'],
  ])('should write %p (at most %p decimals) as %p', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it.each<[number | null, string, string]>([
    [200000, 'USD', '$200,000.00'],
    [1234.5, 'EUR', '€1,234.50'],
    [0, 'GBP', '£0.00'],
    [1000, 'INR', '₹1,000.00'],
    [null, 'USD', '—'],
  ])('should write %p %s as %p', (amount, currency, expected) => {
    expect(formatMoney(amount, currency).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('formats in a locale', () => {
  it('should follow the locale, and write a symbol the fonts lack as the code', () => {
    expect(formatPercent(62.25, 'pt-BR')).toBe('62,3%');
    expect(formatNumber(1234.5, 4, 'pt-BR')).toBe('1.234,5');
    expect(formatMoney(1234.5, 'BRL', 'pt-BR').replace(/\u00a0/g, ' ')).toBe('R$ 1.234,50');
    expect(formatMoney(1, 'THB', 'pt-BR').replace(/\u00a0/g, ' ')).toBe('THB 1,00');
  });
});

describe('pdfSafeText', () => {
  it.each<[string, string]>([
    ['Street lights, "LED" upgrade', 'Street lights, "LED" upgrade'],
    ['São Paulo — “Ação” €5 …', 'São Paulo — “Ação” €5 …'],
    ['Łódź', 'Łódź'],
    ['Dvořák', 'Dvořák'],
    ['Αθήνα, Москва, Երևան', 'Αθήνα, Москва, Երևան'],
    // Composed first: "e" and a combining acute accent are the one letter "é".
    ['Cafe\u0301', 'Café'],
    ['a ≠ b', 'a ≠ b'],
    // Thai baht: the fonts have no Thai.
    ['฿1', '?1'],
    ['東京 Tokyo', '?? Tokyo'],
    ['tab\there', 'tab here'],
    ['two\nlines', 'two\nlines'],
  ])('should make %p drawable as %p', (text, expected) => {
    expect(pdfSafeText(text)).toBe(expected);
  });
});

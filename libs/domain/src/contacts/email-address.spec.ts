import { EMAIL_MAX_LENGTH, isPlainEmailAddress } from './email-address.js';

describe('isPlainEmailAddress', () => {
  it.each([
    'contracts@acme.example',
    'o.brien+alerts@city.gov',
    "o'neil@vendor.example",
    'x@sub.domain.co',
    'admin@xn--bcher-kva.example',
  ])('accepts %s', (address) => {
    expect(isPlainEmailAddress(address)).toBe(true);
  });

  it.each([
    ['a quoted local part', '"x,y@evil.example"@vendor.example'],
    ['a comma list', 'a@b.example,c'],
    ['a display name', 'Acme <contracts@acme.example>'],
    ['a MIME encoded word', '=?utf-8?q?x?=@vendor.example'],
    ['no domain dot', 'root@localhost'],
    ['a numeric top-level domain', 'a@10.0.0.1'],
    ['an address literal', 'a@[10.0.0.1]'],
    ['a leading dot', '.a@vendor.example'],
    ['two dots', 'a..b@vendor.example'],
    ['a blank', 'a b@vendor.example'],
    ['a hyphen at a label edge', 'a@-vendor.example'],
    ['no local part', '@vendor.example'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@vendor.example`],
    ['an address over the SMTP limit', `a@${'b'.repeat(EMAIL_MAX_LENGTH)}.example`],
    ['non-ASCII letters', 'josé@vendor.example'],
  ])('refuses %s', (_case, address) => {
    expect(isPlainEmailAddress(address)).toBe(false);
  });
});

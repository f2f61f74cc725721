import { isIP } from 'node:net';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The entries of a comma-separated `TRUST_PROXY`: addresses and CIDR ranges, blanks dropped. */
export function trustedProxies(setting: string): string[] {
  return setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An IPv4 or IPv6 address, optionally with a prefix length that fits its family (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A comma-separated list of proxy addresses or CIDR ranges; empty trusts no proxy. */
export function IsProxyList(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isProxyList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must list proxy addresses or CIDR ranges, comma-separated, such as "10.0.0.0/8, ::1"',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && trustedProxies(value).every(isAddressOrCidr),
      },
    });
}

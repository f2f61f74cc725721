import type { DataSource } from 'typeorm';
import { displayPrefix, generateToken, hashToken } from '../auth/api-key-token.js';
import type { Role } from '../auth/roles.js';
import { ApiKey, Certification, Department, Vendor } from '../entities/index.js';

let sequence = 0;
const next = () => ++sequence;

export const buildDepartment = (overrides: Partial<Department> = {}): Department => {
  const n = next();
  return Object.assign(new Department(), {
    name: `Department ${n}`,
    code: `D${n}`,
    headEmail: `head${n}@city.example`,
    ...overrides,
  });
};

export const createDepartment = (dataSource: DataSource, overrides?: Partial<Department>): Promise<Department> =>
  dataSource.getRepository(Department).save(buildDepartment(overrides));

export const buildVendor = (overrides: Partial<Vendor> = {}): Vendor => {
  const n = next();
  return Object.assign(new Vendor(), {
    legalName: `Vendor ${n} LLC`,
    taxId: `TAX-${n}`,
    email: `vendor${n}@vendors.example`,
    preferredLanguage: 'en',
    isLocal: false,
    ...overrides,
  });
};

export const createVendor = (dataSource: DataSource, overrides?: Partial<Vendor>): Promise<Vendor> =>
  dataSource.getRepository(Vendor).save(buildVendor(overrides));

export type KeyScope = { departments?: Department[]; vendor?: Vendor };

/** Inserts an API key straight into the database and returns its token, as the CLI would print it. */
export async function createApiKey(dataSource: DataSource, role: Role, scope: KeyScope = {}): Promise<string> {
  const token = generateToken();
  await dataSource.getRepository(ApiKey).save(
    Object.assign(new ApiKey(), {
      name: `${role} ${next()}`,
      role,
      tokenHash: hashToken(token),
      tokenPrefix: displayPrefix(token),
      vendorId: scope.vendor?.id ?? null,
      departments: scope.departments ?? [],
    }),
  );
  return token;
}

/** A certification of `vendor`: minority-owned, valid from 2020-01-01 with no expiry, unless overridden. */
export const buildCertification = (vendor: Vendor, overrides: Partial<Certification> = {}): Certification => {
  const n = next();
  return Object.assign(new Certification(), {
    vendorId: vendor.id,
    type: 'minority_owned',
    certifyingAgency: 'State Office of Supplier Diversity',
    certificateNumber: `CERT-${n}`,
    validFrom: '2020-01-01',
    validTo: null,
    ...overrides,
  });
};

export const createCertification = (
  dataSource: DataSource,
  vendor: Vendor,
  overrides?: Partial<Certification>,
): Promise<Certification> => dataSource.getRepository(Certification).save(buildCertification(vendor, overrides));

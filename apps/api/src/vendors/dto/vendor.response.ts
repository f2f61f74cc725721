import type { Certification, Vendor } from '#database';
import type { CertificationType, Language } from '#domain';

export type CertificationResponse = {
  id: string;
  vendorId: string;
  type: CertificationType;
  certifyingAgency: string;
  certificateNumber: string;
  validFrom: string;
  validTo: string | null;
  createdAt: Date;
};

export type VendorResponse = {
  id: string;
  legalName: string;
  taxId: string;
  email: string;
  preferredLanguage: Language;
  isLocal: boolean;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  certifications: CertificationResponse[];
  createdAt: Date;
  updatedAt: Date;
};

/** A vendor with its certifications, as the API shows it. */
export type VendorWithCertifications = { vendor: Vendor; certifications: Certification[] };

export const toCertificationResponse = (certification: Certification): CertificationResponse => ({
  id: certification.id,
  vendorId: certification.vendorId,
  type: certification.type,
  certifyingAgency: certification.certifyingAgency,
  certificateNumber: certification.certificateNumber,
  validFrom: certification.validFrom,
  validTo: certification.validTo,
  createdAt: certification.createdAt,
});

export const toVendorResponse = ({ vendor, certifications }: VendorWithCertifications): VendorResponse => ({
  id: vendor.id,
  legalName: vendor.legalName,
  taxId: vendor.taxId,
  email: vendor.email,
  preferredLanguage: vendor.preferredLanguage,
  isLocal: vendor.isLocal,
  addressLine1: vendor.addressLine1,
  addressLine2: vendor.addressLine2,
  city: vendor.city,
  region: vendor.region,
  postalCode: vendor.postalCode,
  country: vendor.country,
  certifications: certifications.map(toCertificationResponse),
  createdAt: vendor.createdAt,
  updatedAt: vendor.updatedAt,
});

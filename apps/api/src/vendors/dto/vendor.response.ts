import type { Certification, Vendor } from '#database';
import { CERTIFICATION_TYPES, LANGUAGES, type CertificationType, type Language } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class CertificationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  vendorId!: string;

  @ApiProperty({ enum: CERTIFICATION_TYPES })
  type!: CertificationType;

  @ApiProperty()
  certifyingAgency!: string;

  @ApiProperty()
  certificateNumber!: string;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class VendorResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  legalName!: string;

  @ApiProperty()
  taxId!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;

  @ApiProperty()
  isLocal!: boolean;

  @ApiProperty({ type: String, nullable: true })
  addressLine1!: string | null;

  @ApiProperty({ type: String, nullable: true })
  addressLine2!: string | null;

  @ApiProperty({ type: String, nullable: true })
  city!: string | null;

  @ApiProperty({ type: String, nullable: true })
  region!: string | null;

  @ApiProperty({ type: String, nullable: true })
  postalCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2' })
  country!: string | null;

  @ApiProperty({ type: () => [CertificationResponse] })
  certifications!: CertificationResponse[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

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

import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Certification, Vendor } from '#database';
import { DomainError, localDateOf, type Actor, type Clock } from '#domain';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';

import { PaginationQuery } from '../common/pagination.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import type { ApiEnv } from '../config/api-env.js';
import type { CreateCertificationDto } from './dto/create-certification.dto.js';
import type { CreateVendorDto } from './dto/create-vendor.dto.js';
import type { UpdateVendorDto } from './dto/update-vendor.dto.js';
import { toCertificationResponse, toVendorResponse, type VendorWithCertifications } from './dto/vendor.response.js';
import type { VendorsQuery } from './dto/vendors.query.js';
import { CLOCK } from '#runtime';

const VENDOR = 'vendor';
const CERTIFICATION = 'vendor_certification';
const TAX_ID_CONSTRAINT = 'uq_vendors_tax_id';
const CERTIFICATE_NUMBER_CONSTRAINT = 'uq_vendor_certifications_number';
const CERTIFICATION_ORDER = { type: 'ASC', validFrom: 'ASC', id: 'ASC' } as const;

@Injectable()
export class VendorsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Vendor) private readonly vendors: Repository<Vendor>,
    @InjectRepository(Certification) private readonly certifications: Repository<Certification>,
    private readonly audit: AuditService,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  async create(dto: CreateVendorDto, actor: Actor): Promise<VendorWithCertifications> {
    return withConflicts({ [TAX_ID_CONSTRAINT]: () => taxIdTaken(dto.taxId) }, () =>
      this.dataSource.transaction(async (manager) => {
        await assertTaxIdFree(manager, dto.taxId);
        const { id } = await manager.save(manager.create(Vendor, dto));
        // Read back, so that the answer shows the columns' defaults as a later read will.
        const created = { vendor: await manager.findOneByOrFail(Vendor, { id }), certifications: [] };
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: VENDOR,
          entityId: id,
          after: toVendorResponse(created),
        });
        return created;
      }),
    );
  }

  /** `scope` null: every vendor; otherwise only those ids. Certifications come in one query for the page. */
  async list(query: VendorsQuery, scope: string[] | null): Promise<[VendorWithCertifications[], number]> {
    if (scope?.length === 0) return [[], 0];
    const builder = this.vendors.createQueryBuilder('vendor');
    if (scope) builder.andWhere('vendor.id IN (:...scope)', { scope });
    if (query.q !== undefined) {
      builder.andWhere('(vendor.legalName ILIKE :pattern OR vendor.taxId ILIKE :pattern)', {
        pattern: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.certification !== undefined) {
      builder.andWhere(
        '(SELECT has_certification FROM vendor_has_certification_on(vendor.id, :certification, :today))',
        {
          certification: query.certification,
          today: this.today(),
        },
      );
    }
    if (query.isLocal !== undefined) builder.andWhere('vendor.isLocal = :isLocal', { isLocal: query.isLocal });
    const [vendors, total] = await builder
      .orderBy('vendor.legalName', 'ASC')
      .addOrderBy('vendor.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return [await this.withCertifications(vendors), total];
  }

  /** Out-of-scope vendors are reported as missing, so a caller cannot learn they exist. */
  async get(id: string, scope: string[] | null): Promise<VendorWithCertifications> {
    const vendor = await this.findVendor(this.vendors, id, scope);
    return (await this.withCertifications([vendor]))[0];
  }

  async update(id: string, dto: UpdateVendorDto, actor: Actor): Promise<VendorWithCertifications> {
    return withConflicts({ [TAX_ID_CONSTRAINT]: () => taxIdTaken(dto.taxId) }, () =>
      this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(Vendor);
        const vendor = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!vendor) throw DomainError.notFound('Vendor', id);
        if (dto.taxId !== undefined && dto.taxId !== vendor.taxId) await assertTaxIdFree(manager, dto.taxId);
        const certifications = await manager.find(Certification, {
          where: { vendorId: id },
          order: CERTIFICATION_ORDER,
        });
        const before = toVendorResponse({ vendor, certifications });
        const updated = { vendor: await repository.save(repository.merge(vendor, dto)), certifications };
        await this.audit.record(manager, actor, {
          action: 'update',
          entityType: VENDOR,
          entityId: id,
          before,
          after: toVendorResponse(updated),
        });
        return updated;
      }),
    );
  }

  async addCertification(vendorId: string, dto: CreateCertificationDto, actor: Actor): Promise<Certification> {
    return withConflicts({ [CERTIFICATE_NUMBER_CONSTRAINT]: () => duplicateCertification(dto) }, () =>
      this.dataSource.transaction(async (manager) => {
        await this.findVendor(manager.getRepository(Vendor), vendorId, null);
        const { type, certifyingAgency, certificateNumber } = dto;
        if (await manager.existsBy(Certification, { vendorId, type, certifyingAgency, certificateNumber })) {
          throw duplicateCertification(dto);
        }
        const certification = await manager.save(
          manager.create(Certification, { ...dto, validTo: dto.validTo ?? null, vendorId }),
        );
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: CERTIFICATION,
          entityId: certification.id,
          after: toCertificationResponse(certification),
        });
        return certification;
      }),
    );
  }

  async listCertifications(
    vendorId: string,
    query: PaginationQuery,
    scope: string[] | null,
  ): Promise<[Certification[], number]> {
    await this.findVendor(this.vendors, vendorId, scope);
    return this.certifications.findAndCount({
      where: { vendorId },
      order: CERTIFICATION_ORDER,
      take: query.limit,
      skip: query.offset,
    });
  }

  /** A certification id that belongs to another vendor is as missing as one that does not exist. */
  async removeCertification(vendorId: string, certificationId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.findVendor(manager.getRepository(Vendor), vendorId, null);
      const certification = await manager.findOne(Certification, {
        where: { id: certificationId, vendorId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!certification) throw DomainError.notFound('Certification', certificationId);
      await manager.delete(Certification, { id: certificationId });
      await this.audit.record(manager, actor, {
        action: 'delete',
        entityType: CERTIFICATION,
        entityId: certificationId,
        before: toCertificationResponse(certification),
      });
    });
  }

  private async findVendor(repository: Repository<Vendor>, id: string, scope: string[] | null): Promise<Vendor> {
    if (scope && !scope.includes(id)) throw DomainError.notFound('Vendor', id);
    const vendor = await repository.findOneBy({ id });
    if (!vendor) throw DomainError.notFound('Vendor', id);
    return vendor;
  }

  /** One query for the certifications of all the vendors, however many there are. */
  private async withCertifications(vendors: Vendor[]): Promise<VendorWithCertifications[]> {
    if (vendors.length === 0) return [];
    const byVendor = new Map<string, Certification[]>(vendors.map((vendor) => [vendor.id, []]));
    const certifications = await this.certifications.find({
      where: { vendorId: In([...byVendor.keys()]) },
      order: CERTIFICATION_ORDER,
    });
    for (const certification of certifications) byVendor.get(certification.vendorId)!.push(certification);
    return vendors.map((vendor) => ({ vendor, certifications: byVendor.get(vendor.id)! }));
  }

  /** Today's date in the city, which is what "valid today" means to its staff. */
  private today(): string {
    return localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE', { infer: true }));
  }
}

/**
 * Runs a write and turns a violation of one of the named unique constraints into its 409. Services check for
 * duplicates first; two requests can both pass that check, and the constraint stops the second.
 */
async function withConflicts<T>(conflicts: Record<string, () => DomainError>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = Object.keys(conflicts).find((name) => isUniqueViolation(error, name));
    throw constraint ? conflicts[constraint]() : error;
  }
}

async function assertTaxIdFree(manager: EntityManager, taxId: string): Promise<void> {
  if (await manager.existsBy(Vendor, { taxId })) throw taxIdTaken(taxId);
}

const taxIdTaken = (taxId: string | undefined) =>
  new DomainError('CONFLICT', `A vendor with tax id ${taxId} already exists`, [
    { field: 'taxId', message: 'taxId is already taken' },
  ]);

const duplicateCertification = ({ type, certifyingAgency, certificateNumber }: CreateCertificationDto) =>
  new DomainError(
    'CONFLICT',
    `The vendor already holds ${type} certificate ${certificateNumber} from ${certifyingAgency}`,
    [{ field: 'certificateNumber', message: 'this vendor already holds this certificate from this agency' }],
  );

// ILIKE treats % and _ as wildcards and \ as its escape; a search for "50%" means those characters.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

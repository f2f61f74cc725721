import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { vendorScope } from '../auth/scope.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateCertificationDto } from './dto/create-certification.dto.js';
import { CreateVendorDto } from './dto/create-vendor.dto.js';
import { UpdateVendorDto } from './dto/update-vendor.dto.js';
import {
  toCertificationResponse,
  toVendorResponse,
  CertificationResponse,
  VendorResponse,
} from './dto/vendor.response.js';
import { VendorsQuery } from './dto/vendors.query.js';
import { VendorsService } from './vendors.service.js';

/**
 * The vendor registry is public record: department heads read all of it. A vendor key reads its own vendor
 * only. Only procurement officers (and admins) write, vendors not even their own record.
 */
@ApiTags('vendors')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a vendor' })
  @ApiCreatedResponse({ type: VendorResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@Body() dto: CreateVendorDto, @CurrentActor() actor: Actor): Promise<VendorResponse> {
    return toVendorResponse(await this.vendors.create(dto, actor));
  }

  @Get()
  @ApiOperation({ summary: 'List vendors' })
  @ApiPageResponse(VendorResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(@Query() query: VendorsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<VendorResponse>> {
    const [vendors, total] = await this.vendors.list(query, vendorScope(principal));
    return toPage(vendors, total, query, toVendorResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a vendor with its certifications' })
  @ApiOkResponse({ type: VendorResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<VendorResponse> {
    return toVendorResponse(await this.vendors.get(id, vendorScope(principal)));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a vendor' })
  @ApiOkResponse({ type: VendorResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateVendorDto,
    @CurrentActor() actor: Actor,
  ): Promise<VendorResponse> {
    return toVendorResponse(await this.vendors.update(id, dto, actor));
  }

  @Post(':id/certifications')
  @ApiOperation({ summary: 'Add a certification to a vendor' })
  @ApiCreatedResponse({ type: CertificationResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async addCertification(
    @UuidParam() id: string,
    @Body() dto: CreateCertificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationResponse> {
    return toCertificationResponse(await this.vendors.addCertification(id, dto, actor));
  }

  @Get(':id/certifications')
  @ApiOperation({ summary: "List a vendor's certifications" })
  @ApiPageResponse(CertificationResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async listCertifications(
    @UuidParam() id: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<CertificationResponse>> {
    const [certifications, total] = await this.vendors.listCertifications(id, query, vendorScope(principal));
    return toPage(certifications, total, query, toCertificationResponse);
  }

  @Delete(':id/certifications/:certificationId')
  @ApiOperation({ summary: "Remove a vendor's certification" })
  @ApiNoContentResponse({ description: 'Removed' })
  @Roles('procurement_officer')
  @HttpCode(204)
  async removeCertification(
    @UuidParam() id: string,
    @UuidParam('certificationId') certificationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.vendors.removeCertification(id, certificationId, actor);
  }
}

import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateRenewalDto } from './dto/create-renewal.dto.js';
import { RenewalResponse, toRenewalResponse } from './dto/renewal.response.js';
import { RenewalsService } from './renewals.service.js';

@ApiTags('contracts')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('contracts/:id/renewals')
export class RenewalsController {
  constructor(private readonly renewals: RenewalsService) {}

  @Post()
  @ApiOperation({
    summary: 'Renew a contract (a final performance evaluation of the last 12 months, or an override, is required)',
  })
  @ApiCreatedResponse({ type: RenewalResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(
    @UuidParam() contractId: string,
    @Body() dto: CreateRenewalDto,
    @CurrentActor() actor: Actor,
  ): Promise<RenewalResponse> {
    return toRenewalResponse(await this.renewals.renew(contractId, dto, actor));
  }

  @Get()
  @ApiOperation({ summary: "List a contract's renewals, newest first" })
  @ApiPageResponse(RenewalResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() contractId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<RenewalResponse>> {
    const [renewals, total] = await this.renewals.list(contractId, query, principal);
    return toPage(renewals, total, query, toRenewalResponse);
  }
}

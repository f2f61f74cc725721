import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { KpiDefinitionDto } from './dto/kpi-definition.dto.js';
import { toKpiResponse, KpiResponse } from './dto/kpi.response.js';
import { UpdateKpiDto } from './dto/update-kpi.dto.js';
import { KpisService } from './kpis.service.js';

@ApiTags('kpis')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller()
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Post('contracts/:id/kpis')
  @ApiOperation({ summary: 'Add a KPI to a contract' })
  @ApiCreatedResponse({ type: KpiResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(
    @UuidParam() contractId: string,
    @Body() dto: KpiDefinitionDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<KpiResponse> {
    return toKpiResponse(await this.kpis.create(contractId, dto, principal, actor));
  }

  @Get('contracts/:id/kpis')
  @ApiOperation({ summary: "List a contract's KPIs" })
  @ApiPageResponse(KpiResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() contractId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<KpiResponse>> {
    const [kpis, total] = await this.kpis.list(contractId, query, principal);
    return toPage(kpis, total, query, toKpiResponse);
  }

  @Get('kpis/:id')
  @ApiOperation({ summary: 'Get a KPI' })
  @ApiOkResponse({ type: KpiResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<KpiResponse> {
    return toKpiResponse((await this.kpis.get(id, principal)).kpi);
  }

  @Patch('kpis/:id')
  @ApiOperation({ summary: 'Change a KPI' })
  @ApiOkResponse({ type: KpiResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateKpiDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<KpiResponse> {
    return toKpiResponse(await this.kpis.update(id, dto, principal, actor));
  }
}

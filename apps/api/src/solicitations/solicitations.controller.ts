import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { departmentScope } from '../auth/scope.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { toContractResponse } from '../contracts/dto/contract.response.js';
import { toKpiResponse } from '../kpis/dto/kpi.response.js';
import { AwardService } from './award.service.js';
import { AwardResponse } from './dto/award.response.js';
import { AwardDto } from './dto/award.dto.js';
import { CreateSolicitationDto } from './dto/create-solicitation.dto.js';
import { toSolicitationResponse, SolicitationResponse } from './dto/solicitation.response.js';
import { SolicitationsQuery } from './dto/solicitations.query.js';
import { TransitionDto } from './dto/transition.dto.js';
import { UpdateSolicitationDto } from './dto/update-solicitation.dto.js';
import { SolicitationsService } from './solicitations.service.js';

@ApiTags('solicitations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('solicitations')
export class SolicitationsController {
  constructor(
    private readonly solicitations: SolicitationsService,
    private readonly awards: AwardService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a solicitation (a draft)' })
  @ApiCreatedResponse({ type: SolicitationResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@Body() dto: CreateSolicitationDto, @CurrentActor() actor: Actor): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.create(dto, actor));
  }

  /** Newest first; department heads see their departments' solicitations only. */
  @Get()
  @ApiOperation({ summary: 'List solicitations' })
  @ApiPageResponse(SolicitationResponse)
  @Roles('procurement_officer', 'department_head')
  async list(
    @Query() query: SolicitationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<SolicitationResponse>> {
    const [solicitations, total] = await this.solicitations.list(query, departmentScope(principal));
    return toPage(solicitations, total, query, toSolicitationResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a solicitation' })
  @ApiOkResponse({ type: SolicitationResponse })
  @Roles('procurement_officer', 'department_head')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.get(id, departmentScope(principal)));
  }

  /** Editable until awarded or cancelled; the status changes only through the moves below. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft solicitation' })
  @ApiOkResponse({ type: SolicitationResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateSolicitationDto,
    @CurrentActor() actor: Actor,
  ): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.update(id, dto, actor));
  }

  @Post(':id/publish')
  @ApiOperation({ summary: 'Publish a solicitation' })
  @ApiOkResponse({ type: SolicitationResponse })
  @ApiErrors(409)
  @HttpCode(HttpStatus.OK)
  @Roles('procurement_officer')
  async publish(
    @UuidParam() id: string,
    @Body() dto: TransitionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.transition(id, 'publish', dto.at, actor));
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a solicitation to bids' })
  @ApiOkResponse({ type: SolicitationResponse })
  @ApiErrors(409)
  @HttpCode(HttpStatus.OK)
  @Roles('procurement_officer')
  async close(
    @UuidParam() id: string,
    @Body() dto: TransitionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.transition(id, 'close', dto.at, actor));
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a solicitation' })
  @ApiOkResponse({ type: SolicitationResponse })
  @ApiErrors(409)
  @HttpCode(HttpStatus.OK)
  @Roles('procurement_officer')
  async cancel(
    @UuidParam() id: string,
    @Body() dto: TransitionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SolicitationResponse> {
    return toSolicitationResponse(await this.solicitations.transition(id, 'cancel', dto.at, actor));
  }

  /** Turns a closed solicitation's bid into a contract with the templates' KPIs; 201 with the contract. */
  @Post(':id/award')
  @ApiOperation({ summary: "Award a closed solicitation's bid: a contract with the templates' KPIs" })
  @ApiCreatedResponse({ type: AwardResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async award(@UuidParam() id: string, @Body() dto: AwardDto, @CurrentActor() actor: Actor): Promise<AwardResponse> {
    const { contract, kpis, warnings } = await this.awards.award(id, dto, actor);
    return { ...toContractResponse(contract), kpis: kpis.map(toKpiResponse), warnings };
  }
}

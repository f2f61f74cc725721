import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { API_KEY_SCHEME, ApiPageResponse } from '../common/openapi.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateEngagementDto } from './dto/create-engagement.dto.js';
import { EngagementResponse, toEngagementResponse } from './dto/engagement.response.js';
import { EngagementsService } from './engagements.service.js';

/**
 * Officers and the heads of the contract's department record and read engagements; vendors get 403: the notes are
 * the city's own record of how it manages the contract (see docs/architecture.md, Engagements).
 */
@ApiTags('engagements')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('contracts/:id/engagements')
@Roles('procurement_officer', 'department_head')
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a meeting, site visit or call about a contract' })
  @ApiCreatedResponse({ type: EngagementResponse })
  async create(
    @UuidParam() contractId: string,
    @Body() dto: CreateEngagementDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<EngagementResponse> {
    return toEngagementResponse(await this.engagements.create(contractId, dto, principal, actor));
  }

  @Get()
  @ApiOperation({ summary: "List a contract's engagements, latest first" })
  @ApiPageResponse(EngagementResponse)
  async list(
    @UuidParam() contractId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<EngagementResponse>> {
    const { engagements, total } = await this.engagements.list(contractId, query, principal);
    return toPage(engagements, total, query, toEngagementResponse);
  }
}

import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { API_KEY_SCHEME, ApiPageResponse } from '../common/openapi.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreatePerformanceEvaluationDto } from './dto/create-performance-evaluation.dto.js';
import {
  PerformanceEvaluationResponse,
  toPerformanceEvaluationResponse,
} from './dto/performance-evaluation.response.js';
import { PerformanceEvaluationsService } from './performance-evaluations.service.js';

@ApiTags('performance evaluations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('contracts/:id/performance-evaluations')
export class ContractPerformanceEvaluationsController {
  constructor(private readonly evaluations: PerformanceEvaluationsService) {}

  @Post()
  @ApiOperation({ summary: "Draft a performance evaluation of a contract's months, with the proposed rating" })
  @ApiCreatedResponse({ type: PerformanceEvaluationResponse })
  @Roles('procurement_officer')
  async create(
    @UuidParam() contractId: string,
    @Body() dto: CreatePerformanceEvaluationDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse(await this.evaluations.create(contractId, dto, actor, principal));
  }

  @Get()
  @ApiOperation({ summary: "List a contract's performance evaluations, newest first (vendors: issued and final)" })
  @ApiPageResponse(PerformanceEvaluationResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() contractId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PerformanceEvaluationResponse>> {
    const [evaluations, total] = await this.evaluations.list(contractId, query, principal);
    return toPage(evaluations, total, query, toPerformanceEvaluationResponse);
  }
}

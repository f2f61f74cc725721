import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiPageResponse } from '../common/openapi.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { toEvaluationResponse, EvaluationResponse, ScorecardResponse } from './dto/evaluation.response.js';
import { EvaluationsQuery } from './dto/evaluations.query.js';
import { ScorecardQuery } from './dto/scorecard.query.js';
import { EvaluationsService } from './evaluations.service.js';

@ApiTags('evaluations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller()
@Roles('procurement_officer', 'department_head', 'vendor')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Get('evaluations')
  @ApiOperation({ summary: 'List KPI evaluations' })
  @ApiPageResponse(EvaluationResponse)
  async list(
    @Query() query: EvaluationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<EvaluationResponse>> {
    const [evaluations, total] = await this.evaluations.list(query, principal);
    return toPage(evaluations, total, query, toEvaluationResponse);
  }

  @Get('contracts/:id/scorecard')
  @ApiOperation({ summary: "Get a contract's scorecard: its KPIs' statuses period by period" })
  @ApiOkResponse({ type: ScorecardResponse })
  async scorecard(
    @UuidParam() id: string,
    @Query() query: ScorecardQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScorecardResponse> {
    return this.evaluations.scorecard(id, query, principal);
  }
}

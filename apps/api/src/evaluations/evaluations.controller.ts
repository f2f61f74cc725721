import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { toEvaluationResponse, type EvaluationResponse, type ScorecardResponse } from './dto/evaluation.response.js';
import { EvaluationsQuery } from './dto/evaluations.query.js';
import { ScorecardQuery } from './dto/scorecard.query.js';
import { EvaluationsService } from './evaluations.service.js';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller()
@Roles('procurement_officer', 'department_head', 'vendor')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Get('evaluations')
  async list(
    @Query() query: EvaluationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<EvaluationResponse>> {
    const [evaluations, total] = await this.evaluations.list(query, principal);
    return toPage(evaluations, total, query, toEvaluationResponse);
  }

  @Get('contracts/:id/scorecard')
  async scorecard(
    @UuidParam() id: string,
    @Query() query: ScorecardQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScorecardResponse> {
    return this.evaluations.scorecard(id, query, principal);
  }
}

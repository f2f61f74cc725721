import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { API_KEY_SCHEME, ApiErrors } from '../common/openapi.js';
import { UuidParam } from '../common/uuid-param.js';
import { CommentPerformanceEvaluationDto } from './dto/comment-performance-evaluation.dto.js';
import {
  PerformanceEvaluationResponse,
  toPerformanceEvaluationResponse,
} from './dto/performance-evaluation.response.js';
import { UpdatePerformanceEvaluationDto } from './dto/update-performance-evaluation.dto.js';
import { PerformanceEvaluationsService } from './performance-evaluations.service.js';

/** draft → issued → final; every other move answers 409. */
@ApiTags('performance evaluations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('performance-evaluations')
export class PerformanceEvaluationsController {
  constructor(private readonly evaluations: PerformanceEvaluationsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a performance evaluation' })
  @ApiOkResponse({ type: PerformanceEvaluationResponse })
  @Roles('procurement_officer', 'department_head', 'vendor')
  async get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse((await this.evaluations.get(id, principal)).evaluation);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a draft's rating or narrative" })
  @ApiOkResponse({ type: PerformanceEvaluationResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdatePerformanceEvaluationDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse(await this.evaluations.update(id, dto, actor, principal));
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a draft to the vendor (emails it; opens the comment window)' })
  @ApiOkResponse({ type: PerformanceEvaluationResponse })
  @ApiErrors(409, 503)
  @Roles('procurement_officer')
  async issue(
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse(await this.evaluations.issue(id, actor, principal));
  }

  @Post(':id/comment')
  @HttpCode(200)
  @ApiOperation({ summary: "The vendor's comment on an issued evaluation, within the comment window" })
  @ApiOkResponse({ type: PerformanceEvaluationResponse })
  @ApiErrors(409)
  @Roles('vendor')
  async comment(
    @UuidParam() id: string,
    @Body() dto: CommentPerformanceEvaluationDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse(await this.evaluations.comment(id, dto, actor, principal));
  }

  @Post(':id/finalize')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make an issued evaluation final (once the vendor has commented or its window closed)' })
  @ApiOkResponse({ type: PerformanceEvaluationResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async finalize(
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformanceEvaluationResponse> {
    return toPerformanceEvaluationResponse(await this.evaluations.finalize(id, actor, principal));
  }
}

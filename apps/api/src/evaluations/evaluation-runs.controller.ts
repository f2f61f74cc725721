import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateEvaluationRunDto } from './dto/create-evaluation-run.dto.js';
import { EvaluationRunResponse } from './dto/evaluation-run.response.js';
import { EvaluationRunsService } from './evaluation-runs.service.js';

@ApiTags('evaluations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('evaluation-runs')
@Roles('procurement_officer')
export class EvaluationRunsController {
  constructor(private readonly runs: EvaluationRunsService) {}

  /** 202: the run is queued; follow it with GET /evaluation-runs/:id. */
  @Post()
  @ApiOperation({ summary: 'Start an evaluation run; it runs in the worker' })
  @ApiAcceptedResponse({ type: EvaluationRunResponse })
  @ApiErrors(503)
  @HttpCode(HttpStatus.ACCEPTED)
  async request(@Body() dto: CreateEvaluationRunDto, @CurrentActor() actor: Actor): Promise<EvaluationRunResponse> {
    return this.runs.request(dto, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an evaluation run and its progress' })
  @ApiOkResponse({ type: EvaluationRunResponse })
  async get(@UuidParam() id: string): Promise<EvaluationRunResponse> {
    return this.runs.get(id);
  }
}

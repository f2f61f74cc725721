import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateEvaluationRunDto } from './dto/create-evaluation-run.dto.js';
import type { EvaluationRunResponse } from './dto/evaluation-run.response.js';
import { EvaluationRunsService } from './evaluation-runs.service.js';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluation-runs')
@Roles('procurement_officer')
export class EvaluationRunsController {
  constructor(private readonly runs: EvaluationRunsService) {}

  /** 202: the run is queued; follow it with GET /evaluation-runs/:id. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async request(@Body() dto: CreateEvaluationRunDto, @CurrentActor() actor: Actor): Promise<EvaluationRunResponse> {
    return this.runs.request(dto, actor);
  }

  @Get(':id')
  async get(@UuidParam() id: string): Promise<EvaluationRunResponse> {
    return this.runs.get(id);
  }
}

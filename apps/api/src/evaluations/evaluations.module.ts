import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { EvaluationRunsController } from './evaluation-runs.controller.js';
import { EvaluationRunsService } from './evaluation-runs.service.js';
import { EvaluationsController } from './evaluations.controller.js';
import { EvaluationsService } from './evaluations.service.js';

@Module({
  imports: [ContractsModule],
  controllers: [EvaluationRunsController, EvaluationsController],
  providers: [EvaluationRunsService, EvaluationsService],
})
export class EvaluationsModule {}

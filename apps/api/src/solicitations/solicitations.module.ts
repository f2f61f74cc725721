import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Solicitation } from '#database';
import { PerformanceEvaluationsModule } from '../performance-evaluations/performance-evaluations.module.js';
import { KpiLibraryModule } from '../kpi-library/kpi-library.module.js';
import { AwardService } from './award.service.js';
import { BidsController } from './bids.controller.js';
import { BidsService } from './bids.service.js';
import { SolicitationsController } from './solicitations.controller.js';
import { SolicitationsService } from './solicitations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Solicitation]), PerformanceEvaluationsModule, KpiLibraryModule],
  controllers: [SolicitationsController, BidsController],
  providers: [SolicitationsService, BidsService, AwardService],
})
export class SolicitationsModule {}

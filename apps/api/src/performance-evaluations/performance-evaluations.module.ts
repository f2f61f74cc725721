import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ContractPerformanceEvaluationsController } from './contract-performance-evaluations.controller.js';
import { PerformanceEvaluationsController } from './performance-evaluations.controller.js';
import { PerformanceEvaluationsService } from './performance-evaluations.service.js';
import { VendorPerformanceController } from './vendor-performance.controller.js';
import { VendorPerformanceService } from './vendor-performance.service.js';

/** Formal performance evaluations of contracts and the vendor record built on them (the product design §9). */
@Module({
  imports: [ContractsModule],
  controllers: [
    ContractPerformanceEvaluationsController,
    PerformanceEvaluationsController,
    VendorPerformanceController,
  ],
  providers: [PerformanceEvaluationsService, VendorPerformanceService],
  exports: [VendorPerformanceService],
})
export class PerformanceEvaluationsModule {}

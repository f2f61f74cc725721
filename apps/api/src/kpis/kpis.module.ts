import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { KpiLibraryModule } from '../kpi-library/kpi-library.module.js';
import { KpisController } from './kpis.controller.js';
import { KpisService } from './kpis.service.js';

@Module({
  imports: [ContractsModule, KpiLibraryModule],
  controllers: [KpisController],
  providers: [KpisService],
  exports: [KpisService],
})
export class KpisModule {}

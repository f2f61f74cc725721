import { Module } from '@nestjs/common';
import { KpiLibraryController } from './kpi-library.controller.js';
import { KpiLibraryService } from './kpi-library.service.js';

@Module({
  controllers: [KpiLibraryController],
  providers: [KpiLibraryService],
  exports: [KpiLibraryService],
})
export class KpiLibraryModule {}

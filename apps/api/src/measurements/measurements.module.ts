import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module.js';
import { MeasurementImportController } from './measurement-import.controller.js';
import { MeasurementImportService } from './measurement-import.service.js';
import { MeasurementsController } from './measurements.controller.js';
import { MeasurementsService } from './measurements.service.js';

@Module({
  imports: [KpisModule],
  controllers: [MeasurementsController, MeasurementImportController],
  providers: [MeasurementsService, MeasurementImportService],
})
export class MeasurementsModule {}

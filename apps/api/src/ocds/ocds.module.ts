import { Module } from '@nestjs/common';
import { OcdsExportService } from './ocds-export.service.js';
import { OcdsImportController } from './ocds-import.controller.js';
import { OcdsImportService } from './ocds-import.service.js';
import { OcdsController } from './ocds.controller.js';

@Module({
  controllers: [OcdsController, OcdsImportController],
  providers: [OcdsExportService, OcdsImportService],
  exports: [OcdsImportService],
})
export class OcdsModule {}

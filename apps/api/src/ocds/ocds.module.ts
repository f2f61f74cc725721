import { Module } from '@nestjs/common';
import { OcdsExportService } from './ocds-export.service.js';
import { OcdsController } from './ocds.controller.js';

@Module({
  controllers: [OcdsController],
  providers: [OcdsExportService],
})
export class OcdsModule {}

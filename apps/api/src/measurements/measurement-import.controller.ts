import { Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { AcceptsCsvStream, CsvFile, type OpenCsvFile } from '../common/csv-stream.js';
import { ImportMeasurementsQuery } from './dto/import-measurements.query.js';
import { ImportReportResponse } from './dto/import-report.response.js';
import { MeasurementImportService, type ImportReport } from './measurement-import.service.js';

@ApiTags('measurements')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('measurements')
export class MeasurementImportController {
  constructor(private readonly imports: MeasurementImportService) {}

  /** All rows or none: any bad row answers 400 with every problem by line, and nothing is written. */
  @Post('import')
  @ApiOperation({ summary: 'Import measurements from CSV, all rows or none' })
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiErrors(409)
  @HttpCode(HttpStatus.OK)
  @Roles('procurement_officer', 'department_head', 'vendor')
  @AcceptsCsvStream(
    'CSV with the header contractNumber,kpiName,period,value,note (note optional), one measurement per row, ' +
      'separated by commas or semicolons (the header tells which), as a text/csv body or as the one file part of ' +
      'a multipart/form-data form. Rows follow the rules of PUT /kpis/{id}/measurements/{period}; callers ' +
      'import on the contracts they may see.',
  )
  async import(
    @CsvFile() openFile: OpenCsvFile,
    @Query() query: ImportMeasurementsQuery,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    const options = { dryRun: query.dryRun, decimal: query.decimal };
    return this.imports.import(await openFile(), options, principal, actor);
  }
}

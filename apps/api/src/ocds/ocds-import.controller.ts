import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { OCDS_PACKAGE_BODY, OcdsImportResultResponse } from './dto/ocds-import-result.response.js';
import { OcdsImportService, type OcdsImportResult } from './ocds-import.service.js';

/** The path whose JSON body limit is OCDS_IMPORT_LIMIT_BYTES rather than BODY_LIMIT_BYTES. */
export const OCDS_IMPORT_PATH = 'imports/ocds';

@ApiTags('open data')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller(OCDS_IMPORT_PATH)
export class OcdsImportController {
  constructor(private readonly importer: OcdsImportService) {}

  /** A release or record package; all of it or nothing, with a report of what was repaired or skipped. */
  @Post()
  @ApiOperation({ summary: 'Import an OCDS release or record package, all of it or nothing' })
  @ApiBody({ schema: OCDS_PACKAGE_BODY })
  @ApiOkResponse({ type: OcdsImportResultResponse })
  @HttpCode(200)
  @Roles('procurement_officer')
  async import(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<OcdsImportResult> {
    return this.importer.import(body, actor);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiPageResponse } from '../common/openapi.js';
import { Roles } from '../auth/auth.decorators.js';
import { toPage, type Page } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { toAuditEventResponse, AuditEventResponse } from './dto/audit-event.response.js';
import { AuditEventsQuery } from './dto/audit-events.query.js';

@ApiTags('audit')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first. */
  @Get()
  @ApiOperation({ summary: 'List audit events, newest first' })
  @ApiPageResponse(AuditEventResponse)
  @Roles('procurement_officer')
  async list(@Query() query: AuditEventsQuery): Promise<Page<AuditEventResponse>> {
    const [events, total] = await this.audit.list(query);
    return toPage(events, total, query, toAuditEventResponse);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { toPage, type Page } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { toAuditEventResponse, type AuditEventResponse } from './dto/audit-event.response.js';
import { AuditEventsQuery } from './dto/audit-events.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first. */
  @Get()
  @Roles('procurement_officer')
  async list(@Query() query: AuditEventsQuery): Promise<Page<AuditEventResponse>> {
    const [events, total] = await this.audit.list(query);
    return toPage(events, total, query, toAuditEventResponse);
  }
}

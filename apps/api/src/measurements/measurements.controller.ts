import { Body, Controller, Get, HttpStatus, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import type { FastifyReply } from 'fastify';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { toMeasurementResponse, MeasurementResponse } from './dto/measurement.response.js';
import { RecordMeasurementDto } from './dto/record-measurement.dto.js';
import { MeasurementsService } from './measurements.service.js';

@ApiTags('measurements')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('kpis/:id/measurements')
export class MeasurementsController {
  constructor(private readonly measurements: MeasurementsService) {}

  /** Upsert: 201 when the period had no value, 200 when it replaces one (or repeats it). */
  @Put(':period')
  @ApiOperation({ summary: "Record or correct a KPI's measurement for a period" })
  @ApiOkResponse({ type: MeasurementResponse })
  @ApiErrors(409)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async record(
    @UuidParam() kpiId: string,
    @Param('period') period: string,
    @Body() dto: RecordMeasurementDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeasurementResponse> {
    const { measurement, created } = await this.measurements.record(kpiId, period, dto, principal, actor);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return toMeasurementResponse(measurement);
  }

  @Get()
  @ApiOperation({ summary: "List a KPI's measurements" })
  @ApiPageResponse(MeasurementResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() kpiId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<MeasurementResponse>> {
    const [measurements, total] = await this.measurements.list(kpiId, query, principal);
    return toPage(measurements, total, query, toMeasurementResponse);
  }
}

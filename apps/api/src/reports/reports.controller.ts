import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { API_KEY_SCHEME, FILE_SCHEMA } from '../common/openapi.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { MeetingPack } from '#reporting';
import { ExpiringReportQuery } from './dto/expiring-report.query.js';
import { ExpiringReportResponse } from './dto/expiring-report.response.js';
import { MeetingPackQuery } from './dto/meeting-pack.query.js';
import { ExpiringReportService } from './expiring-report.service.js';
import { ReportQuery, type ReportFormat } from './dto/report.query.js';
import { MeetingPackService } from './meeting-pack.service.js';
import { PeerComparisonQuery } from './dto/peer-comparison.query.js';
import { PeerComparisonResponse } from './dto/peer-comparison.response.js';
import { PeerComparisonService } from './peer-comparison.service.js';
import { OutcomeReportService } from './outcome-report.service.js';
import { metricRows, type ProcurementMetrics } from './procurement-metrics.js';
import { ProcurementMetricsService } from './procurement-metrics.service.js';
import { RedFlagsQuery } from './dto/red-flags.query.js';
import type { RedFlagsReport } from './red-flags.js';
import { RedFlagsService } from './red-flags.service.js';
import { ReportScopeService, type ReportScope } from './report-scope.service.js';
import { csvOf, xlsxOf } from './report-files.js';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Reports are read by officers and department heads (their departments only); vendors get 403. */
@ApiTags('reports')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('reports')
@Roles('procurement_officer', 'department_head')
export class ReportsController {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly outcomes: OutcomeReportService,
    private readonly metrics: ProcurementMetricsService,
    private readonly meetingPacks: MeetingPackService,
    private readonly expiring: ExpiringReportService,
    private readonly redFlags: RedFlagsService,
    private readonly peers: PeerComparisonService,
  ) {}

  /** The contracts a department must decide about soon: renew, re-procure or let them end. */
  @Get('expiring')
  @ApiOperation({ summary: 'Active contracts ending within a number of days, with the expiry emails sent' })
  @ApiExtraModels(ExpiringReportResponse)
  @ApiOkResponse({
    description: 'The report as JSON or CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ExpiringReportResponse) } },
      'text/csv': { schema: FILE_SCHEMA },
    },
  })
  async expiringReport(
    @Query() query: ExpiringReportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ExpiringReportResponse | StreamableFile> {
    if (query.format === 'json') return this.expiring.json(query, principal);
    const { asOf, stream } = await this.expiring.csv(query, principal);
    return new StreamableFile(stream as never, {
      type: CONTENT_TYPES.csv,
      disposition: `attachment; filename="expiring_${asOf}_${query.withinDays}d.csv"`,
    });
  }

  @Get('outcomes')
  @ApiOperation({ summary: "Outcome report: each contract's KPI results over a date range" })
  @ApiOkResponse({ description: 'The report in the format asked for', schema: FILE_SCHEMA })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  async outcomeReport(@Query() query: ReportQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const scope = await this.scopes.resolve(query, principal);
    // The service has one method per format, named after it.
    const stream = await this.outcomes[query.format](scope);
    return file(stream, 'outcomes', scope, query.format);
  }

  @Get('procurement-metrics')
  @ApiOperation({ summary: 'Procurement metrics over a date range' })
  @ApiOkResponse({ description: 'The metrics in the format asked for', schema: FILE_SCHEMA })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  async procurementMetrics(
    @Query() query: ReportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProcurementMetrics | StreamableFile> {
    const scope = await this.scopes.resolve(query, principal);
    const format = query.format;
    const metrics = await this.metrics.compute(scope);
    if (format === 'json') return metrics;
    if (format === 'pdf') return file(await this.metrics.pdf(metrics, scope), 'procurement-metrics', scope, format);
    const rows = metricRows(metrics);
    const stream = format === 'csv' ? csvOf(['metric', 'value'], rows) : xlsxOf('Metrics', ['metric', 'value'], rows);
    return file(stream, 'procurement-metrics', scope, format);
  }

  /** Per solicitation published in the range, the OCP red flags the city's own data raise, with their figures. */
  @Get('red-flags')
  @ApiOperation({ summary: 'Procurement red flags (OCP identifiers) per solicitation over a date range' })
  @ApiOkResponse({ description: 'The red flags in the format asked for', schema: FILE_SCHEMA })
  @ApiProduces(CONTENT_TYPES.json, CONTENT_TYPES.csv)
  async redFlagReport(
    @Query() query: RedFlagsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RedFlagsReport | StreamableFile> {
    const scope = await this.scopes.resolve(query, principal);
    const { report, rows } = await this.redFlags.compute(scope, query);
    if (query.format === 'json') return report;
    return file(this.redFlags.csv(report, rows), 'red-flags', scope, query.format);
  }

  @Get('peer-comparison')
  @ApiOperation({
    summary: 'Peer comparison: contracts using one library KPI, by on-track share, with rank and percentile',
  })
  @ApiOkResponse({ type: PeerComparisonResponse, description: 'JSON; CSV and XLSX carry the same rows' })
  @ApiProduces(CONTENT_TYPES.json, CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  async peerComparison(
    @Query() query: PeerComparisonQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PeerComparisonResponse | StreamableFile> {
    const scope = await this.scopes.resolve(query, principal);
    if (query.format === 'json') return this.peers.compute(query.libraryKpiId, scope);
    const stream = await this.peers.file(query.libraryKpiId, scope, query.format);
    return file(stream, 'peer-comparison', scope, query.format);
  }

  /** One department's monthly performance-meeting pack: a PDF to take along, an HTML page to read, or its data. */
  @Get('meeting-pack')
  @ApiOperation({ summary: "A department's monthly performance-meeting pack, as PDF, HTML or JSON data" })
  @ApiOkResponse({ description: 'The pack in the format asked for', schema: FILE_SCHEMA })
  @ApiProduces('application/pdf', 'text/html; charset=utf-8', 'application/json')
  async meetingPack(
    @Query() query: MeetingPackQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingPack | StreamableFile> {
    await this.scopes.requireDepartment(query.departmentId, principal);
    const pack = await this.meetingPacks.load(query.departmentId, query.period);
    if (query.format === 'json') return pack;
    const document = await this.meetingPacks.render(pack, query.format);
    return new StreamableFile(document.content, {
      type: document.contentType,
      disposition: `${query.format === 'pdf' ? 'attachment' : 'inline'}; filename="${document.fileName}"`,
      length: document.content.length,
    });
  }
}

function file(stream: NodeJS.ReadableStream, report: string, scope: ReportScope, format: ReportFormat): StreamableFile {
  return new StreamableFile(stream as never, {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${report}_${scope.from}_${scope.to}.${format}"`,
  });
}

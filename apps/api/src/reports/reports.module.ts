import { Module } from '@nestjs/common';
import { ExpiringReportService } from './expiring-report.service.js';
import { MeetingPackService } from './meeting-pack.service.js';
import { OutcomeReportService } from './outcome-report.service.js';
import { PeerComparisonService } from './peer-comparison.service.js';
import { ProcurementMetricsService } from './procurement-metrics.service.js';
import { RedFlagsService } from './red-flags.service.js';
import { ReportScopeService } from './report-scope.service.js';
import { ReportsController } from './reports.controller.js';

@Module({
  controllers: [ReportsController],
  providers: [
    ReportScopeService,
    OutcomeReportService,
    ProcurementMetricsService,
    MeetingPackService,
    ExpiringReportService,
    RedFlagsService,
    PeerComparisonService,
  ],
})
export class ReportsModule {}

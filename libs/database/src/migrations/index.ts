import { Initial1795376272394 } from './1795376272394-Initial.js';
import { ProcurementPipeline1795377272246 } from './1795377272246-ProcurementPipeline.js';
import { KpiEvaluations1795377399482 } from './1795377399482-KpiEvaluations.js';
import { MeasurementsAndPayments1795377686718 } from './1795377686718-MeasurementsAndPayments.js';
import { EvaluationRunsAndNotifications1795378314381 } from './1795378314381-EvaluationRunsAndNotifications.js';
import { MeetingPacks1795384525518 } from './1795384525518-MeetingPacks.js';
import { EvaluationKpiContractKey1795386582693 } from './1795386582693-EvaluationKpiContractKey.js';
import { KpiEvaluationPeriodDays1796169514072 } from './1796169514072-KpiEvaluationPeriodDays.js';
import { BackfillKpiEvaluationPeriodDays1796169514073 } from './1796169514073-BackfillKpiEvaluationPeriodDays.js';
import { ReportRuleFunctions1796169790501 } from './1796169790501-ReportRuleFunctions.js';
import { PeriodInRange1796169914174 } from './1796169914174-PeriodInRange.js';
import { SpreadsheetText1796170400000 } from './1796170400000-SpreadsheetText.js';
import { OcdsReleases1796171200000 } from './1796171200000-OcdsReleases.js';
import { NotificationDeliveredTo1796171300000 } from './1796171300000-NotificationDeliveredTo.js';
import { NotificationRecords1796172000000 } from './1796172000000-NotificationRecords.js';
import { KpiLibrary1796173000000 } from './1796173000000-KpiLibrary.js';
import { StarterKpiLibrary1796173000001 } from './1796173000001-StarterKpiLibrary.js';
import { PerformanceEvaluations1796174000000 } from './1796174000000-PerformanceEvaluations.js';
import { KeyProcurementAndEngagements1796176000000 } from './1796176000000-KeyProcurementAndEngagements.js';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file; add its class here.
export const MIGRATIONS = [
  Initial1795376272394,
  ProcurementPipeline1795377272246,
  KpiEvaluations1795377399482,
  MeasurementsAndPayments1795377686718,
  EvaluationRunsAndNotifications1795378314381,
  MeetingPacks1795384525518,
  EvaluationKpiContractKey1795386582693,
  KpiEvaluationPeriodDays1796169514072,
  BackfillKpiEvaluationPeriodDays1796169514073,
  ReportRuleFunctions1796169790501,
  PeriodInRange1796169914174,
  SpreadsheetText1796170400000,
  OcdsReleases1796171200000,
  NotificationDeliveredTo1796171300000,
  NotificationRecords1796172000000,
  KpiLibrary1796173000000,
  StarterKpiLibrary1796173000001,
  PerformanceEvaluations1796174000000,
  KeyProcurementAndEngagements1796176000000,
];

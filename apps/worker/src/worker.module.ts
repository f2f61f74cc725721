import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { DatabaseModule } from '#database';
import { ClockModule, logOptions, QueuesModule, validateEnv } from '#runtime';
import { LoggerModule } from 'nestjs-pino';
import { WorkerEnv } from './config/worker-env.js';
import { ChunkEvaluationService } from './evaluation/chunk-evaluation.service.js';
import { EvaluationRunsService } from './evaluation/evaluation-runs.service.js';
import { MeetingPackCalls } from './evaluation/meeting-pack-calls.js';
import { MailTransportCloser, mailTransportProvider } from './notifications/mail-transport.provider.js';
import { NotificationContentService } from './notifications/notification-content.service.js';
import { NotificationMailer } from './notifications/notification-mailer.service.js';
import { noticeRenderersProvider } from './notifications/notice-renderer.js';
import { EmailLinks } from './notifications/email-links.js';
import { PeriodNoticesRenderer } from './notifications/period-notices.renderer.js';
import { ContractExpiryRenderer } from './notifications/contract-expiry.renderer.js';
import { OutboxSweeper } from './notifications/outbox-sweeper.service.js';
import { EvaluationChunksProcessor } from './processors/evaluation-chunks.processor.js';
import { EvaluationRunsProcessor } from './processors/evaluation-runs.processor.js';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { DutiesProcessor } from './processors/duties.processor.js';
import { dutiesProvider } from './duties/duty.js';
import { ContractExpiryDuty } from './duties/contract-expiry.duty.js';
import { SchedulesService } from './schedules.service.js';
import { CommentWindowDuty } from './performance-evaluations/comment-window.duty.js';
import { PerformanceEvaluationRenderer } from './performance-evaluations/performance-evaluation.renderer.js';

@Module({
  imports: [
    ClockModule,
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv(WorkerEnv) }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<WorkerEnv, true>) => ({
        pinoHttp: logOptions('worker', config.get('LOG_LEVEL')),
      }),
    }),
    DatabaseModule.forRoot('cpt-worker'),
    QueuesModule.forRoot('wait'),
  ],
  providers: [
    mailTransportProvider,
    MailTransportCloser,
    EvaluationRunsService,
    ChunkEvaluationService,
    MeetingPackCalls,
    EmailLinks,
    PeriodNoticesRenderer,
    PerformanceEvaluationRenderer,
    ContractExpiryRenderer,
    noticeRenderersProvider([PeriodNoticesRenderer, PerformanceEvaluationRenderer, ContractExpiryRenderer]),
    NotificationContentService,
    NotificationMailer,
    OutboxSweeper,
    EvaluationRunsProcessor,
    EvaluationChunksProcessor,
    NotificationsProcessor,
    CommentWindowDuty,
    ContractExpiryDuty,
    dutiesProvider([CommentWindowDuty, ContractExpiryDuty]),
    DutiesProcessor,
    SchedulesService,
  ],
})
export class WorkerModule {}

import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createMailTransport } from '#notifications';
import type { Transporter } from 'nodemailer';
import type { WorkerEnv } from '../config/worker-env.js';
import { MAIL_CONCURRENCY } from '../processors/worker-options.js';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  inject: [ConfigService],
  useFactory: (config: ConfigService<WorkerEnv, true>) =>
    createMailTransport({ smtpUrl: config.get('SMTP_URL'), maxConnections: MAIL_CONCURRENCY }),
};

/** Closes the pooled SMTP connections when the worker stops. */
@Injectable()
export class MailTransportCloser implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: Transporter) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

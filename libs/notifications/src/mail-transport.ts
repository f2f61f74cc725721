import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export type MailTransportOptions = {
  /** `smtp://user:password@host:port` or `smtps://…` for implicit TLS. */
  smtpUrl: string;
  maxConnections?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
};

/**
 * A pooled SMTP transport with time-outs on every phase, so a mail server that hangs fails the send (and the
 * job retries) instead of holding a worker slot forever.
 */
export function createMailTransport(options: MailTransportOptions): Transporter<SMTPPool.SentMessageInfo> {
  return nodemailer.createTransport({
    pool: true,
    url: options.smtpUrl,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });
}

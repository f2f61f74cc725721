import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort, waitFor } from './throwaway-services.js';

export type ReceivedMail = {
  messageId: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

/** How the sink answers the DATA command. */
export type SinkBehaviour = 'accept' | 'refuse' | 'defer';

export type SmtpSink = {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** `refuse` answers 550 (final), `defer` answers 451 (try later). */
  behaviour: SinkBehaviour;
  /** Time taken to accept each message, to keep a run busy for fault tests. */
  delayMs: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
};

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((entry) => entry.address ?? ''),
  );

/** A real SMTP server in the test process that records what it accepts and can refuse, defer or go away. */
export async function startSmtpSink(port?: number): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    port: port ?? (await freePort()),
    messages: [],
    behaviour: 'accept',
    delayMs: 0,
    start,
    stop,
    waitForMessages: async (count, timeoutMs = 20_000) => {
      await waitFor(
        `${count} emails (have ${sink.messages.length})`,
        async () => {
          if (sink.messages.length < count) throw new Error(`${sink.messages.length} so far`);
        },
        timeoutMs,
      );
      return sink.messages;
    },
  };
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  let server: SMTPServer | undefined;

  async function start(): Promise<void> {
    if (server) return;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 100,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const answer = () => {
            if (sink.behaviour === 'refuse')
              return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
            if (sink.behaviour === 'defer')
              return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            void simpleParser(Buffer.concat(chunks)).then((mail) => {
              sink.messages.push({
                messageId: mail.messageId ?? '',
                to: addresses(mail.to),
                cc: addresses(mail.cc),
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                attachments: mail.attachments.map((attachment) => ({
                  filename: attachment.filename ?? '',
                  contentType: attachment.contentType,
                  content: attachment.content,
                })),
              });
              callback();
            }, callback);
          };
          if (sink.delayMs > 0) setTimeout(answer, sink.delayMs);
          else answer();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(sink.port, '127.0.0.1', resolve);
    });
  }

  async function stop(): Promise<void> {
    if (!server) return;
    const closing = server;
    server = undefined;
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await start();
  return sink;
}

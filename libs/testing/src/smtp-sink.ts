import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort, waitFor } from './throwaway-services.js';

export type ReceivedMail = {
  messageId: string;
  to: string[];
  cc: string[];
  /** Whom the server accepted it for (RCPT TO): a resend after a partial refusal names only the rest. */
  envelopeTo: string[];
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
  /** Recipients refused at RCPT TO with a 550 "user unknown", while the others are accepted. */
  refusedRecipients: string[];
  /** Time taken to accept each message, to keep a run busy for fault tests. */
  delayMs: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Forgets the messages and accepts again, at once: each test starts from a sink as new. */
  reset(): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * Waits until no client is connected and no message is being received: after a sender died, every message it
   * got through has been recorded, and no other will be.
   */
  waitForIdle(timeoutMs?: number): Promise<void>;
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
    refusedRecipients: [],
    delayMs: 0,
    start,
    stop,
    reset: () => {
      sink.messages.length = 0;
      sink.behaviour = 'accept';
      sink.refusedRecipients = [];
      sink.delayMs = 0;
    },
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
    waitForIdle: (timeoutMs = 20_000) =>
      waitFor(
        'the SMTP sink to be idle',
        async () => {
          if (connections > 0 || receiving > 0) throw new Error(`${connections} connected, ${receiving} receiving`);
        },
        timeoutMs,
      ),
  };
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  let server: SMTPServer | undefined;
  let connections = 0;
  let receiving = 0;

  async function start(): Promise<void> {
    if (server) return;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 100,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onClose() {
        connections--;
      },
      onRcptTo(address, _session, callback) {
        if (!sink.refusedRecipients.includes(address.address.toLowerCase())) return callback();
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        );
      },
      onData(stream, session, reply) {
        receiving++;
        let answered = false;
        const callback = (error?: Error | null) => {
          if (answered) return;
          answered = true;
          receiving--;
          reply(error);
        };
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        // The client went away before the end of the message: nothing to record.
        stream.on('error', callback);
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
                envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
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
    // After listening, errors are a client's connection failing mid-message (a killed worker, as fault tests do):
    // the client sees it, and the message is not recorded. Unhandled, one would end the test process.
    server.on('error', () => undefined);
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

import { freePort } from '#testing';
import { SMTPServer } from 'smtp-server';

export type CountingSmtpServer = {
  url: string;
  /** Messages accepted since the last reset. */
  received(): number;
  /** Distinct Message-ID headers among them. */
  distinctMessageIds(): number;
  reset(): void;
  stop(): Promise<void>;
};

/**
 * An SMTP server that accepts everything and only counts, reading no more of each message than its Message-ID:
 * unlike the tests' sink it parses nothing, so that it costs the benchmark's process as little as it can.
 */
export async function startCountingSmtpServer(): Promise<CountingSmtpServer> {
  const port = await freePort();
  let received = 0;
  const messageIds = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 100,
    maxClients: 100,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        received++;
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head.slice(0, head.indexOf('\r\n\r\n')))?.[1];
        if (messageId) messageIds.add(messageId);
        callback();
      });
    },
  });
  // After listening, errors are a client's connection failing; the sender sees them, and the count is short.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    distinctMessageIds: () => messageIds.size,
    reset: () => {
      received = 0;
      messageIds.clear();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

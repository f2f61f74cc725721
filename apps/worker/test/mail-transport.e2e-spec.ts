import { createMailTransport } from '#notifications';
import { freePort } from '#testing';
import { SMTPServer } from 'smtp-server';

describe('the mail transport', () => {
  let server: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; data: string }[] = [];

  beforeAll(async () => {
    port = await freePort();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('should deliver a message with a plain-text and an HTML part to the SMTP server of SMTP_URL', async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const info = await transport.sendMail({
      from: 'Procurement Office <procurement@city.example>',
      to: 'vendor@vendors.example',
      subject: 'Hello',
      text: 'Plain text',
      html: '<p>HTML</p>',
    });
    transport.close();
    expect(info.accepted).toEqual(['vendor@vendors.example']);
    expect(info.messageId).toMatch(/^<.+>$/);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'procurement@city.example', to: ['vendor@vendors.example'] });
    expect(received[0].data).toContain('Content-Type: text/plain');
    expect(received[0].data).toContain('Content-Type: text/html');
  });

  it('should fail, not hang, when nothing listens at SMTP_URL', async () => {
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
      connectionTimeoutMs: 1000,
    });
    await expect(
      transport.sendMail({ from: 'a@city.example', to: 'b@vendors.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/ECONNECTION|ESOCKET/) });
    transport.close();
  });
});

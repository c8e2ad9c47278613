import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelopeTo: string[];
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** How many client connections have closed so far. */
  readonly closed: number;
  /** Stops listening (new connections are refused) until start() is called again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Waits until at least `count` mails have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

/**
 * A real SMTP server for a test, on a random port: it keeps and parses (mailparser) every mail it
 * accepts. `rejectRecipient` answers RCPT TO for an address with a 550 and the given reason.
 */
export async function startTestSmtp(
  opts: {
    rejectRecipient?: (address: string) => string | null;
    /**
     * Holds a mail before the server accepts it (the client waits for the answer to DATA). A mail whose
     * client went away meanwhile (a killed sender) is never accepted, as with a real server.
     */
    holdMail?: (mail: ParsedMail) => Promise<void>;
  } = {},
): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;
  const gone = new Set<string>();

  const listen = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const reason = opts.rejectRecipient?.(address.address);
        if (!reason) {
          return callback();
        }
        callback(Object.assign(new Error(reason), { responseCode: 550 }));
      },
      onClose(session) {
        gone.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then(async (parsed) => {
              await opts.holdMail?.(parsed);
              if (gone.has(session.id)) {
                return;
              }
              received.push({ raw, parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
              callback();
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as { port: number }).port;
    server = s;
  };

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    received,
    get closed() {
      return gone.size;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) {
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
    start: listen,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} mails, got ${received.length} within ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

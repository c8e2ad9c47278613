import { Writable } from 'node:stream';
import { JsonLogger, redactForLog, requestContext } from './json-logger';

/** Captures what the logger writes to stdout and stderr, one parsed JSON object per line. */
function capture(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const keep = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as Writable['write'];
  process.stdout.write = keep;
  process.stderr.write = keep;
  try {
    run();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return lines
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('JsonLogger', () => {
  it('writes one JSON object per line, with the request id while serving a request', () => {
    const logger = new JsonLogger(['error', 'warn', 'log']);
    const [inside, outside] = capture(() => {
      requestContext.run({ requestId: 'req-123' }, () => logger.log('Booked', 'Booking'));
      logger.warn('Mail pass: 3 sent', 'Mail');
    });
    expect(inside).toMatchObject({ level: 'log', context: 'Booking', message: 'Booked', requestId: 'req-123' });
    expect(String(inside!.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(outside).toMatchObject({ level: 'warn', context: 'Mail', message: 'Mail pass: 3 sent' });
    expect(outside).not.toHaveProperty('requestId');
  });

  it('never writes an email address, password or token', () => {
    const logger = new JsonLogger(['error']);
    const [line] = capture(() => logger.error('Could not send to nia.roberts@nhs.example.uk: token=abc123', 'Error: at x', 'Mail'));
    expect(JSON.stringify(line)).not.toMatch(/nia\.roberts|abc123/);
    expect(line).toMatchObject({ message: 'Could not send to [email]: token=[hidden]' });
    expect(redactForLog('password: hunter2 and Password=x')).toBe('password: [hidden] and Password=[hidden]');
  });
});

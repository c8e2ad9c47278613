import { Logger, type LoggerService } from '@nestjs/common';
import { aPerson } from '../../test/builders';
import { gql, startTestApi, type TestApi } from '../../test/test-db';

/**
 * An unexpected failure (here: a real failing query, the column it reads renamed away) is logged
 * once, saying what failed, without the SQL's bound values or anyone's personal data; the client
 * sees only the generic sentence.
 */
describe('unexpected errors are logged once, without values', () => {
  let api: TestApi;
  const lines: string[] = [];
  const collect = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
  };
  const logger: LoggerService = { log: collect, error: collect, warn: collect, debug: collect, verbose: collect, fatal: collect };
  const written: string[] = [];
  let restore: (() => void)[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    await aPerson(api.orm.em.fork(), { email: 'priya.shah.private@example.org', password: 'correct horse battery' });
    await api.orm.em.getConnection().execute('alter table person rename column email to email_gone');
  });
  beforeEach(() => {
    lines.length = 0;
    written.length = 0;
    Logger.overrideLogger(logger);
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
  });
  afterEach(() => {
    restore.forEach((r) => r());
    restore = [];
    Logger.overrideLogger(false);
  });
  afterAll(() => api.close());

  it('signing in on a broken table logs the operation, class and SQL state, not the email', async () => {
    const res = await gql(api.url, `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: 'priya.shah.private@example.org', password: 'correct horse battery' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors?.[0]?.message).not.toMatch(/select|priya/i);
    const all = [...lines, ...written].join('\n');
    expect(all).not.toMatch(/priya|correct horse|select |email_gone/i);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^signIn failed: \w+Exception \(code 42703\)/);
  });
});

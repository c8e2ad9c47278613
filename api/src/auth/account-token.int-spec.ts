import { aPerson } from '../../test/builders';
import { startTestApi, type TestApi } from '../../test/test-db';
import { AccountToken } from './account-token.entity';
import { AccountTokenPurpose, AccountTokenService, TOKEN_LIFETIME_MINUTES } from './account-token.service';

describe('single-use links sent by mail (real PostgreSQL)', () => {
  let api: TestApi;
  let tokens: AccountTokenService;
  beforeAll(async () => {
    api = await startTestApi();
    tokens = api.app.get(AccountTokenService);
  });
  afterAll(() => api.close());

  const now = new Date('2026-12-01T12:00:00Z');
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const issue = async (purpose = AccountTokenPurpose.SIGN_IN) => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    return { person, token: await em.transactional((tx) => tokens.issue(tx, person, purpose, now)) };
  };
  const consume = (token: string, purpose = AccountTokenPurpose.SIGN_IN, at = now) =>
    api.orm.em.fork().transactional((tx) => tokens.consume(tx, token, purpose, at));

  it('stores only a hash, works once, and names what went wrong after', async () => {
    const { person, token } = await issue();
    const rows = await api.orm.em.fork().find(AccountToken, { person: person.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(token);

    expect((await consume(token)).id).toBe(person.id);
    await expect(consume(token)).rejects.toThrow('This link has already been used');
  });

  it('refuses an expired, tampered, unknown or other-purpose link', async () => {
    const { token } = await issue();
    await expect(consume(token, AccountTokenPurpose.SIGN_IN, later(TOKEN_LIFETIME_MINUTES.SIGN_IN))).rejects.toThrow(
      'This link has expired',
    );
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    await expect(consume(flipped)).rejects.toThrow('This link is not valid');
    await expect(consume('not a token')).rejects.toThrow('This link is not valid');
    const reset = await issue(AccountTokenPurpose.RESET_PASSWORD);
    await expect(consume(reset.token, AccountTokenPurpose.SIGN_IN)).rejects.toThrow('This link is not valid');
    expect((await consume(reset.token, AccountTokenPurpose.RESET_PASSWORD)).id).toBe(reset.person.id);
  });

  it('ends earlier links for the same purpose when a new one is sent', async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em);
    const first = await em.transactional((tx) => tokens.issue(tx, person, AccountTokenPurpose.SIGN_IN, now));
    const second = await em.transactional((tx) => tokens.issue(tx, person, AccountTokenPurpose.SIGN_IN, later(1)));
    await expect(consume(first)).rejects.toThrow('already been used');
    expect((await consume(second)).id).toBe(person.id);
  });

  it('lets only one of two simultaneous uses through', async () => {
    const { token } = await issue();
    const first = api.orm.em.fork();
    await first.begin();
    await tokens.consume(first, token, AccountTokenPurpose.SIGN_IN, now); // not committed yet
    // reads the link as unused, then waits for the first; its refusal is awaited from the start, so it is never unhandled
    const second = expect(consume(token)).rejects.toThrow('already been used');
    await new Promise((r) => setTimeout(r, 200));
    await first.commit();
    await second;
  });
});

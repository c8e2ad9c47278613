import { MailKind, PersonStatus } from '@lh/domain';
import { anAgency, aPerson } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { AuthSession } from './auth-session.entity';

const REQUEST = `mutation($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;
const CHECK = `query($token: String!) { checkSignInLink(token: $token) }`;
const USE = `mutation($token: String!) { signInWithLink(token: $token) { id email } }`;
const ME = `{ me { id } }`;

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

describe('one-time sign-in links (real API, real PostgreSQL, real SMTP)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });
  afterEach(() => api.app.get(Clock).fixAt(null));

  const mails = (email: string) => api.orm.em.fork().find(OutboxMessage, { toEmail: email }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const tokenIn = (text: string) => /\/sign-in\/link\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='));

  async function askFor(email: string, next?: string) {
    return gql<{ requestSignInLink: boolean }>(api.url, REQUEST, { input: { email, next } });
  }

  it('mails a link that signs in once, brings the person back to their page, and confirms their address', async () => {
    const person = await aPerson(api.orm.em.fork(), { name: 'Grace Okafor' });
    await api.orm.em.fork().nativeUpdate(Person, { id: person.id }, { emailVerifiedAt: null });
    const asked = await askFor(person.email.toUpperCase(), '/courses?level=3');
    expect(asked.errors).toBeUndefined();
    expect(asked.data?.requestSignInLink).toBe(true);

    const [mail] = await mails(person.email);
    expect(mail!.kind).toBe(MailKind.SIGN_IN_LINK);
    expect(mail!.subject).toBe('Your link to sign in to Learning Hub');
    expect(mail!.text).toContain('Dear Grace Okafor,');
    expect(mail!.text).toContain('within 15 minutes');
    expect(mail!.text).toMatch(/https:\/\/learninghub\.example\.org\/sign-in\/link\/[A-Za-z0-9_-]{43}\?next=%2Fcourses%3Flevel%3D3/);
    expect(mail!.html).toContain('<a href="https://learninghub.example.org/sign-in/link/');
    const token = tokenIn(mail!.text)!;

    // looking at it (the page with the button, or a mail scanner) does not use it up
    expect((await gql(api.url, CHECK, { token })).data).toEqual({ checkSignInLink: true });
    expect((await gql(api.url, CHECK, { token })).data).toEqual({ checkSignInLink: true });

    const used = await gql<{ signInWithLink: { id: string } }>(api.url, USE, { token }, undefined, { 'user-agent': CHROME_ANDROID });
    expect(used.data?.signInWithLink.id).toBe(person.id);
    const cookie = cookieFrom(used.setCookie)!;
    expect((await gql<{ me: { id: string } }>(api.url, ME, {}, cookie)).data?.me.id).toBe(person.id);
    const [session] = await api.orm.em.fork().find(AuthSession, { person: person.id });
    expect(session).toMatchObject({ method: 'LINK', userAgent: CHROME_ANDROID });
    expect((await api.orm.em.fork().findOneOrFail(Person, person.id)).emailVerifiedAt).toBeInstanceOf(Date);

    const again = await gql(api.url, USE, { token });
    expect(again.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
    expect(again.errors?.[0]?.message).toBe('This link has already been used. Ask for a new one if you still need it.');
    expect(cookieFrom(again.setCookie)).toBeUndefined();
    expect((await gql(api.url, CHECK, { token })).errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const delivered = smtp.received.find((m) => m.envelopeTo.includes(person.email))!;
    expect(delivered.parsed.subject).toBe('Your link to sign in to Learning Hub');
    expect(delivered.parsed.text).toContain(`/sign-in/link/${token}`);
  });

  it('refuses an expired, tampered or unknown link', async () => {
    const person = await aPerson(api.orm.em.fork());
    const clock = api.app.get(Clock);
    clock.fixAt(new Date('2026-12-01T09:00:00Z'));
    await askFor(person.email);
    const token = tokenIn((await mails(person.email))[0]!.text)!;

    const flipped = (token[5] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const bad of [flipped, token.slice(0, -3), 'not-a-token-at-all']) {
      const res = await gql(api.url, USE, { token: bad });
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
      expect(res.errors?.[0]?.message).toBe('This link is not valid. Check you copied all of it from the email, or ask for a new one.');
    }

    clock.fixAt(new Date('2026-12-01T09:15:00Z'));
    const late = await gql(api.url, USE, { token });
    expect(late.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
    expect(late.errors?.[0]?.message).toBe('This link has expired. Ask for a new one.');
    clock.fixAt(new Date('2026-12-01T09:14:59Z'));
    expect((await gql<{ signInWithLink: { id: string } }>(api.url, USE, { token })).data?.signInWithLink.id).toBe(person.id);
  });

  it('answers the same for an address with no account, and mails nothing', async () => {
    const before = await api.orm.em.fork().count(OutboxMessage, {});
    const res = await askFor('nobody-here@example.org');
    expect(res.errors).toBeUndefined();
    expect(res.data?.requestSignInLink).toBe(true);
    expect(await api.orm.em.fork().count(OutboxMessage, {})).toBe(before);
  });

  it('sends no link to an account that cannot sign in, and refuses a link once the account is closed', async () => {
    const pending = await aPerson(api.orm.em.fork(), { status: PersonStatus.PENDING_APPROVAL });
    expect((await askFor(pending.email)).data?.requestSignInLink).toBe(true);
    expect(await mails(pending.email)).toHaveLength(0);

    const leaver = await aPerson(api.orm.em.fork());
    await askFor(leaver.email);
    const token = tokenIn((await mails(leaver.email))[0]!.text)!;
    await api.orm.em.fork().nativeUpdate(Person, { id: leaver.id }, { status: PersonStatus.DEACTIVATED });
    const res = await gql(api.url, USE, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('ACCOUNT_NOT_ACTIVE');
    expect(cookieFrom(res.setCookie)).toBeUndefined();
  });

  it('tells people whose agency uses single sign-on only to use it, and sends them no link', async () => {
    const em = api.orm.em.fork();
    const agency = await anAgency(em);
    await em.nativeUpdate(Agency, { id: agency.id }, { passwordSignIn: false });
    const person = await aPerson(em, { agency });
    expect((await askFor(person.email)).data?.requestSignInLink).toBe(true);
    const [mail] = await mails(person.email);
    expect(mail!.subject).toBe('Sign in to Learning Hub with your organisation’s account');
    expect(tokenIn(mail!.text)).toBeUndefined();
  });

  it('refuses a page to return to that is not on this site', async () => {
    const res = await askFor('someone@example.org', '//evil.example/steal');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.next', message: 'The page to return to must be a path on this site' },
    ]);
  });
});

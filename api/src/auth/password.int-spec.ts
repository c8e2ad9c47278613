import { MailKind } from '@lh/domain';
import { anAgency, aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Agency } from '../people/agency.entity';
import { Person } from '../people/person.entity';
import { AccountTokenPurpose, AccountTokenService } from './account-token.service';
import { USE_SINGLE_SIGN_ON } from './auth.service';

const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const LINK = `query($token: String!) { passwordLink(token: $token) { kind name email } }`;
const SET = `mutation($input: SetPasswordWithLinkInput!) { setPasswordWithLink(input: $input) { id } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const ME = `{ me { id } }`;

describe('forgotten and changed passwords (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(() => api.close());
  afterEach(() => api.app.get(Clock).fixAt(null));

  const mails = (email: string, kind?: MailKind) =>
    api.orm.em.fork().find(OutboxMessage, { toEmail: email, ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const tokenIn = (text: string) => /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='));
  const signedIn = async (cookie: string) => !!(await gql<{ me: { id: string } | null }>(api.url, ME, {}, cookie)).data?.me;

  it('mails a reset link; choosing a password signs out every session, signs in here and mails PASSWORD_CHANGED', async () => {
    const person = await aPerson(api.orm.em.fork(), { name: 'Tom Hughes' });
    const laptop = await signInAs(api.url, person);
    const phone = await signInAs(api.url, person);

    expect((await gql(api.url, REQUEST, { input: { email: person.email } })).data).toEqual({ requestPasswordReset: true });
    const [reset] = await mails(person.email, MailKind.PASSWORD_RESET);
    expect(reset!.subject).toBe('Choose a new Learning Hub password');
    expect(reset!.text).toContain('within 60 minutes');
    const token = tokenIn(reset!.text)!;
    expect(reset!.text).toContain(`https://learninghub.example.org/account/set-password/${token}`);

    expect((await gql(api.url, LINK, { token })).data).toEqual({
      passwordLink: { kind: 'RESET', name: 'Tom Hughes', email: person.email },
    });

    const short = await gql(api.url, SET, { input: { token, password: 'short' } });
    expect(short.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.password', message: 'Your password must be at least 12 characters' },
    ]);

    const set = await gql(api.url, SET, { input: { token, password: 'correct horse battery staple' } });
    expect(set.errors).toBeUndefined();
    const here = cookieFrom(set.setCookie)!;
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(false);

    const [changed] = await mails(person.email, MailKind.PASSWORD_CHANGED);
    expect(changed!.subject).toBe('Your Learning Hub password was changed');
    expect(changed!.text).toContain('Every other device and browser where you were signed in has been signed out.');
    expect(changed!.html).toContain('<h1 style="font-size: 28px; line-height: 1.2; margin: 16px 0;">Your password was changed</h1>');

    const oldPassword = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    expect(oldPassword.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const newPassword = await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'correct horse battery staple' } });
    expect(newPassword.errors).toBeUndefined();

    const reused = await gql(api.url, SET, { input: { token, password: 'another long password' } });
    expect(reused.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
  });

  it('refuses an expired or tampered reset link', async () => {
    const person = await aPerson(api.orm.em.fork());
    const clock = api.app.get(Clock);
    clock.fixAt(new Date('2026-12-01T09:00:00Z'));
    await gql(api.url, REQUEST, { input: { email: person.email } });
    const token = tokenIn((await mails(person.email, MailKind.PASSWORD_RESET))[0]!.text)!;
    const tampered = await gql(api.url, SET, {
      input: { token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, password: 'a long enough password' },
    });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    clock.fixAt(new Date('2026-12-01T10:00:00Z'));
    const late = await gql(api.url, SET, { input: { token, password: 'a long enough password' } });
    expect(late.errors?.[0]?.message).toBe('This link has expired. Ask for a new one.');
    expect((await gql(api.url, LINK, { token })).errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
  });

  it('answers the same for an address with no account and mails nothing', async () => {
    const before = await api.orm.em.fork().count(OutboxMessage, {});
    expect((await gql(api.url, REQUEST, { input: { email: 'nobody-at-all@example.org' } })).data).toEqual({ requestPasswordReset: true });
    expect(await api.orm.em.fork().count(OutboxMessage, {})).toBe(before);
  });

  it("sets a first password from a coordinator's invitation, which confirms the address", async () => {
    const em = api.orm.em.fork();
    const person = await aPerson(em, { name: 'Nia Campbell' });
    await em.nativeUpdate(Person, { id: person.id }, { passwordHash: null, emailVerifiedAt: null });
    const token = await api.orm.em
      .fork()
      .transactional(async (tx) =>
        api.app.get(AccountTokenService).issue(tx, (await tx.findOneOrFail(Person, person.id))!, AccountTokenPurpose.INVITE, new Date()),
      );
    expect((await gql(api.url, LINK, { token })).data).toEqual({
      passwordLink: { kind: 'INVITE', name: 'Nia Campbell', email: person.email },
    });
    const set = await gql(api.url, SET, { input: { token, password: 'my very first password' } });
    expect(set.errors).toBeUndefined();
    expect((await api.orm.em.fork().findOneOrFail(Person, person.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'my very first password' } })).errors).toBeUndefined();
  });

  it('changes the password with the current one: other sessions end, this one stays, and a mail says so', async () => {
    const person = await aPerson(api.orm.em.fork());
    const here = await signInAs(api.url, person);
    const elsewhere = await signInAs(api.url, person);

    const wrong = await gql(api.url, CHANGE, { input: { currentPassword: 'not it', newPassword: 'a brand new password' } }, here);
    expect(wrong.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.currentPassword', message: 'Your current password is not right' },
    ]);
    expect(await signedIn(elsewhere)).toBe(true);

    const ok = await gql(api.url, CHANGE, { input: { currentPassword: person.password, newPassword: 'a brand new password' } }, here);
    expect(ok.data).toEqual({ changePassword: true });
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
    expect(await mails(person.email, MailKind.PASSWORD_CHANGED)).toHaveLength(1);
    expect((await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'a brand new password' } })).errors).toBeUndefined();

    expect((await gql(api.url, CHANGE, { input: { currentPassword: 'x', newPassword: 'y' } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('counts wrong current passwords towards the back-off', async () => {
    const person = await aPerson(api.orm.em.fork());
    const cookie = await signInAs(api.url, person);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await gql(api.url, CHANGE, { input: { currentPassword: `guess ${i}`, newPassword: 'a brand new password' } }, cookie);
      codes.push(res.errors![0]!.extensions!.code!);
    }
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_ATTEMPTS']);
  });

  it('refuses passwords to people whose agency uses single sign-on only, with a sentence that says so', async () => {
    const em = api.orm.em.fork();
    const agency = await anAgency(em);
    const person = await aPerson(em, { agency });
    await em.nativeUpdate(Agency, { id: agency.id }, { passwordSignIn: false });

    const signIn = await gql(api.url, SIGN_IN, { input: { email: person.email, password: person.password } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('NOT_ALLOWED');
    expect(signIn.errors?.[0]?.message).toBe(USE_SINGLE_SIGN_ON);
    expect(signIn.setCookie.some((c) => c.startsWith('lh_session='))).toBe(false);
    // a wrong password is still just wrong: nothing is said about the account before the password matched
    const wrong = await gql(api.url, SIGN_IN, { input: { email: person.email, password: 'wrong' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');

    // on the agency's domains, the address alone says so (no account needed, so nothing is revealed)
    await em.nativeUpdate(Agency, { id: agency.id }, { emailDomains: ['sso-only.example.net'] });
    const byDomain = await gql(api.url, SIGN_IN, { input: { email: 'anyone@team.sso-only.example.net', password: 'whatever' } });
    expect(byDomain.errors?.[0]?.message).toBe(USE_SINGLE_SIGN_ON);

    await gql(api.url, REQUEST, { input: { email: person.email } });
    const [mail] = await mails(person.email, MailKind.PASSWORD_RESET);
    expect(mail!.subject).toBe('Sign in to Learning Hub with your organisation’s account');
    expect(tokenIn(mail!.text)).toBeUndefined();
  });
});

import { AgencyRequestKind, AgencyRequestStatus, MailKind, PersonStatus, Role } from '@lh/domain';
import { aPerson } from '../../test/builders';
import { startTestSmtp, type TestSmtp } from '../../test/smtp-server';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { Clock } from '../common/clock';
import { MailDeliveryService } from '../notifications/mail-delivery.service';
import { AgencyRequest } from '../people/agency-request.entity';
import { Person } from '../people/person.entity';
import {
  CONFIRM,
  LINK,
  PASSWORD,
  RESEND,
  SIGN_IN,
  agencyWith,
  confirmToken,
  lastConfirmToken,
  mailTo,
  register,
  registration,
} from './registration-test-support';

/** Registering, confirming the address and sending the link again, through the real API, with mail over real SMTP. */
describe('registration (real PostgreSQL, real SMTP)', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ smtpUrl: smtp.url, webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(async () => {
    api.app.get(Clock).fixAt(null);
    await api.close();
    await smtp.stop();
  });

  const person = (email: string) => api.orm.em.fork().findOne(Person, { email }, { populate: ['agency', 'passwordHash'] });
  const signIn = (email: string, password = PASSWORD) => gql(api.url, SIGN_IN, { input: { email, password } });

  it('a work address on its agency’s domains: confirmed by the mailed link, active at once, signs in with the password', async () => {
    const agency = await agencyWith(api, { emailDomains: ['northshire-nhs.example.org'] });
    const email = 'Sam.Okafor@Northshire-NHS.example.org';
    const answer = await register(
      api,
      registration({ email, agencyId: agency.id, lineManagerEmail: 'morgan.lee@northshire-nhs.example.org' }),
    );
    expect(answer.data).toEqual({ register: true });

    const stored = (await person(email.toLowerCase()))!;
    expect(stored).toMatchObject({
      status: PersonStatus.UNVERIFIED,
      emailVerifiedAt: null,
      jobTitle: 'Health visitor',
      team: 'North locality',
    });
    expect(stored.roles).toEqual([Role.PRACTITIONER]);
    expect(stored.agency?.id).toBe(agency.id);
    expect(stored.lineManagerEmail).toBe('morgan.lee@northshire-nhs.example.org');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    // not confirmed yet: the right password says what to do
    expect((await signIn(stored.email)).errors?.[0]).toMatchObject({
      extensions: { code: 'ACCOUNT_NOT_ACTIVE' },
      message: expect.stringMatching(/Confirm your email address/),
    });

    await api.app.get(MailDeliveryService).deliverDue();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.envelopeTo.includes(stored.email))!;
    expect(mail.parsed.subject).toBe('Confirm your email address for Learning Hub');
    expect(mail.parsed.text).toContain('https://learninghub.example.org/register/confirm/');
    expect(mail.parsed.html).toContain('https://learninghub.example.org/register/confirm/');
    const token = confirmToken(mail.parsed.text!);

    // looking at the link does not use it
    expect((await gql(api.url, LINK, { token })).data).toEqual({ registrationLink: { name: 'Sam Okafor', email: stored.email } });
    expect((await gql(api.url, LINK, { token })).data).toEqual({ registrationLink: { name: 'Sam Okafor', email: stored.email } });
    expect((await gql(api.url, CONFIRM, { token })).data).toEqual({ confirmRegistration: { email: stored.email, active: true } });
    const after = (await person(stored.email))!;
    expect(after.status).toBe(PersonStatus.ACTIVE);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    await signInAs(api.url, { email: stored.email, password: PASSWORD });
  });

  it('a personal address waits for a coordinator after confirming, and sign-in says so', async () => {
    const agency = await agencyWith(api, { emailDomains: ['northshire.example.gov.uk'] });
    await register(api, registration({ email: 'sam.personal@gmail.example.com', agencyId: agency.id }));
    const token = await lastConfirmToken(api, 'sam.personal@gmail.example.com');
    expect((await gql(api.url, CONFIRM, { token })).data).toEqual({
      confirmRegistration: { email: 'sam.personal@gmail.example.com', active: false },
    });
    expect((await person('sam.personal@gmail.example.com'))!.status).toBe(PersonStatus.PENDING_APPROVAL);
    expect((await signIn('sam.personal@gmail.example.com')).errors?.[0]?.message).toMatch(/waiting for the training team to approve it/);
  });

  it('an agency that is not listed becomes a request; after confirming the person waits in the queue', async () => {
    await register(api, registration({ email: 'coach@sea-cadets.example.org', agencyName: 'Northshire Sea Cadets' }));
    const stored = (await person('coach@sea-cadets.example.org'))!;
    expect(stored.agency).toBeFalsy();
    const requests = await api.orm.em.fork().find(AgencyRequest, { person: stored.id });
    expect(requests.map((r) => [r.kind, r.status, r.requestedName])).toEqual([
      [AgencyRequestKind.JOIN, AgencyRequestStatus.PENDING, 'Northshire Sea Cadets'],
    ]);
    const token = await lastConfirmToken(api, stored.email);
    expect((await gql(api.url, CONFIRM, { token })).data).toEqual({ confirmRegistration: { email: stored.email, active: false } });
  });

  it('refuses an expired, reused or tampered confirmation link with a clear sentence, and changes nothing', async () => {
    const agency = await agencyWith(api, { emailDomains: ['police.example.uk'] });
    await register(api, registration({ email: 'pc.ali@police.example.uk', agencyId: agency.id }));
    const token = await lastConfirmToken(api, 'pc.ali@police.example.uk');

    const tampered = await gql(api.url, CONFIRM, { token: token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6) });
    expect(tampered.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_TOKEN' },
      message: expect.stringMatching(/This link is not valid/),
    });
    expect((await gql(api.url, LINK, { token: 'x'.repeat(400) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    api.app.get(Clock).fixAt(new Date(Date.now() + 25 * 3_600_000));
    try {
      const expired = await gql(api.url, CONFIRM, { token });
      expect(expired.errors?.[0]).toMatchObject({
        extensions: { code: 'TOKEN_EXPIRED' },
        message: 'This link has expired. Ask for a new one.',
      });
    } finally {
      api.app.get(Clock).fixAt(null);
    }
    expect((await person('pc.ali@police.example.uk'))!.status).toBe(PersonStatus.UNVERIFIED);

    expect((await gql(api.url, CONFIRM, { token })).data?.confirmRegistration).toEqual({ email: 'pc.ali@police.example.uk', active: true });
    const reused = await gql(api.url, CONFIRM, { token });
    expect(reused.errors?.[0]).toMatchObject({
      extensions: { code: 'TOKEN_EXPIRED' },
      message: expect.stringMatching(/already been used/),
    });
  });

  it('answers every problem in one round', async () => {
    const answer = await register(api, { name: ' ', email: 'not an address', password: 'short', jobTitle: '', lineManagerEmail: 'nope' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.name', message: 'Enter your full name' },
      { field: 'input.email', message: 'Enter your email address in the correct format, like name@example.org' },
      { field: 'input.password', message: 'Your password must be at least 12 characters' },
      { field: 'input.agencyId', message: 'Choose your agency, or say it is not listed and enter its name' },
      { field: 'input.jobTitle', message: 'Enter your job title' },
      { field: 'input.lineManagerEmail', message: "Enter your line manager's email address in the correct format, like name@example.org" },
    ]);
  });

  it('asks for the name of an agency that is not listed', async () => {
    const answer = await register(api, registration({ email: 'no.name@example.org', agencyName: '  ' }));
    expect(answer.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.agencyName', message: "Enter your agency's name" }]);
  });

  it('refuses shared mailboxes and the person’s own address as their line manager', async () => {
    const agency = await agencyWith(api);
    const answer = await register(
      api,
      registration({ email: 'Office@school.example.org', agencyId: agency.id, lineManagerEmail: 'office@school.example.org' }),
    );
    expect(answer.errors?.[0]?.extensions?.fields).toEqual([
      {
        field: 'input.email',
        message: 'Enter your own email address, not a shared mailbox like office@: each account belongs to one person',
      },
      { field: 'input.lineManagerEmail', message: "Enter your line manager's email address, not your own: they approve your booking" },
    ]);
    expect(await person('office@school.example.org')).toBeNull();
  });

  it('refuses a registration for a retired agency, naming it', async () => {
    const retired = await agencyWith(api, { name: 'Northshire Connexions', retiredAt: new Date('2025-03-31T00:00:00Z') });
    const answer = await register(api, registration({ email: 'kim@connexions.example.org', agencyId: retired.id }));
    expect(answer.errors?.[0]?.extensions?.fields).toEqual([
      {
        field: 'input.agencyId',
        message:
          "Northshire Connexions is no longer one of the partnership's agencies. Choose the agency you work for now, or say it is not listed and enter its name",
      },
    ]);
    expect(await person('kim@connexions.example.org')).toBeNull();
    const listed = await gql<{ registrationAgencies: { id: string }[] }>(api.url, `{ registrationAgencies { id name } }`);
    expect(listed.data!.registrationAgencies.map((a) => a.id)).not.toContain(retired.id);
  });

  it('gives the same answer for an address that has an account, and mails that address what to do instead', async () => {
    const agency = await agencyWith(api);
    const existing = await aPerson(api.orm.em.fork(), { email: 'existing.person@example.org', agency });
    const fresh = await register(api, registration({ email: 'brand.new@example.org', agencyId: agency.id }));
    const again = await register(api, registration({ email: 'Existing.Person@example.org', agencyId: agency.id, name: 'Someone Else' }));
    expect({ ...again, setCookie: [] }).toEqual({ ...fresh, setCookie: [] });

    const mails = await mailTo(api, existing.email);
    expect(mails.map((m) => m.kind)).toEqual([MailKind.ACCOUNT_EXISTS]);
    expect(mails[0]!.text).toContain('There is already an account for it');
    expect(mails[0]!.text).toContain('https://learninghub.example.org/sign-in');
    expect(mails[0]!.text).toContain('"Forgot your password?"');
    // nothing about the account changed: the old password still signs in, the name is the same
    await signInAs(api.url, existing);
    expect((await person(existing.email))!.name).toBe(existing.name);
    expect(await api.orm.em.fork().count(Person, { email: existing.email })).toBe(1);
  });

  it('registering twice before confirming sends a new link to the first registration, and keeps its details', async () => {
    const agency = await agencyWith(api);
    await register(api, registration({ email: 'twice@example.org', agencyId: agency.id }));
    const first = await lastConfirmToken(api, 'twice@example.org');
    const again = await register(
      api,
      registration({ email: 'twice@example.org', agencyId: agency.id, name: 'Mallory', password: 'another long password' }),
    );
    expect(again.data).toEqual({ register: true });
    expect((await mailTo(api, 'twice@example.org')).map((m) => m.kind)).toEqual([MailKind.ACCOUNT_VERIFY, MailKind.ACCOUNT_EXISTS]);
    const second = await lastConfirmToken(api, 'twice@example.org');
    expect((await gql(api.url, CONFIRM, { token: first })).errors?.[0]?.message).toMatch(/already been used/);
    expect((await gql(api.url, CONFIRM, { token: second })).data).toBeTruthy();
    expect((await person('twice@example.org'))!.name).toBe('Sam Okafor');
  });

  it('two registrations with one new address at the same moment make one account and answer the same', async () => {
    const agency = await agencyWith(api);
    const answers = await Promise.all([1, 2].map(() => register(api, registration({ email: 'racing@example.org', agencyId: agency.id }))));
    expect(answers.map((a) => a.data)).toEqual([{ register: true }, { register: true }]);
    expect(await api.orm.em.fork().count(Person, { email: 'racing@example.org' })).toBe(1);
    expect((await mailTo(api, 'racing@example.org')).map((m) => m.kind).sort()).toEqual([MailKind.ACCOUNT_EXISTS, MailKind.ACCOUNT_VERIFY]);
  });

  it('sends the link again only to an unconfirmed account, with the same answer for any address', async () => {
    const agency = await agencyWith(api);
    await register(api, registration({ email: 'resend.me@example.org', agencyId: agency.id }));
    const first = await lastConfirmToken(api, 'resend.me@example.org');
    const active = await aPerson(api.orm.em.fork(), { email: 'already.active@example.org' });
    const answers = await Promise.all(
      ['resend.me@example.org', 'nobody.here@example.org', active.email].map((email) => gql(api.url, RESEND, { email })),
    );
    expect(answers.map((a) => [a.status, a.data])).toEqual([
      [200, { resendRegistrationLink: true }],
      [200, { resendRegistrationLink: true }],
      [200, { resendRegistrationLink: true }],
    ]);
    expect((await mailTo(api, 'resend.me@example.org')).map((m) => m.kind)).toEqual([MailKind.ACCOUNT_VERIFY, MailKind.ACCOUNT_VERIFY]);
    expect(await mailTo(api, 'nobody.here@example.org')).toEqual([]);
    expect(await mailTo(api, active.email)).toEqual([]);
    // the new link replaces the old one
    expect((await gql(api.url, CONFIRM, { token: first })).errors?.[0]?.message).toMatch(/already been used/);
    expect((await gql(api.url, CONFIRM, { token: await lastConfirmToken(api, 'resend.me@example.org') })).data).toBeTruthy();
    expect((await gql(api.url, RESEND, { email: 'not an address' })).errors?.[0]?.extensions?.fields).toEqual([
      { field: 'email', message: 'Enter your email address in the correct format, like name@example.org' },
    ]);
  });
});

import { MailKind, PersonStatus, Role } from '@lh/domain';
import { anAgency } from '../../test/builders';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from '../people/person.entity';
import { PASSWORD, register, registration } from '../registration/registration-test-support';

const ASK_LINK = `mutation($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;
const USE_LINK = `mutation($token: String!) { signInWithLink(token: $token) { id email } }`;
const ASK_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const SET_PASSWORD = `mutation($input: SetPasswordWithLinkInput!) { setPasswordWithLink(input: $input) { id } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

/**
 * A provisional account (a trainer made it for a walk-in) is claimed by any way of proving the address:
 * registering again with it, a sign-in link, a password reset. The answers never differ from an ordinary
 * account's, so nothing new is revealed; until claimed it cannot sign in with a password.
 */
describe('provisional accounts of walk-ins (real API, real PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ webOrigin: 'https://learninghub.example.org' });
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  async function provisional(name: string): Promise<Person> {
    const e = em();
    const person = e.create(Person, {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@northshire.example`,
      agency: await anAgency(e),
      roles: [Role.PRACTITIONER],
      status: PersonStatus.PROVISIONAL,
      passwordHash: null,
      emailVerifiedAt: null,
    });
    await e.flush();
    return person;
  }
  const mails = (email: string, kind: MailKind) => em().find(OutboxMessage, { toEmail: email, kind }, { orderBy: { createdAt: 'asc' } });
  const statusOf = async (id: string) => (await em().findOneOrFail(Person, id)).status;

  it('registering again with the address mails a link to claim the account, and choosing a password claims it', async () => {
    const person = await provisional('Tariq Hussain');
    const answer = await register(api, registration({ email: person.email, agencyName: 'Anything' }));
    expect(answer.data).toEqual({ register: true });
    const [mail] = await mails(person.email, MailKind.ACCOUNT_EXISTS);
    expect(mail!.text).toContain('A trainer made that account for you when you were added to a session at the door.');
    const token = /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(await statusOf(person.id)).toBe(PersonStatus.PROVISIONAL);
    // registering changed nothing about the account: not even the password given on the form
    expect(errorCode(await gql(api.url, SIGN_IN, { input: { email: person.email, password: PASSWORD } }))).toBe('INVALID_CREDENTIALS');

    expect((await gql(api.url, SET_PASSWORD, { input: { token, password: PASSWORD } })).errors).toBeUndefined();
    expect(await statusOf(person.id)).toBe(PersonStatus.ACTIVE);
    expect(errorCode(await gql(api.url, SIGN_IN, { input: { email: person.email, password: PASSWORD } }))).toBeUndefined();
  });

  it('a sign-in link claims it', async () => {
    const person = await provisional('Lena Novak');
    expect((await gql(api.url, ASK_LINK, { input: { email: person.email, next: '/check-in/K7M4QX' } })).data).toEqual({
      requestSignInLink: true,
    });
    const [mail] = await mails(person.email, MailKind.SIGN_IN_LINK);
    const token = /\/sign-in\/link\/([A-Za-z0-9_-]+)\?next=%2Fcheck-in%2FK7M4QX/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    const used = await gql(api.url, USE_LINK, { token });
    expect(used.errors).toBeUndefined();
    const after = await em().findOneOrFail(Person, person.id);
    expect([after.status, !!after.emailVerifiedAt]).toEqual([PersonStatus.ACTIVE, true]);
  });

  it('a password reset claims it', async () => {
    const person = await provisional('Ola Bankole');
    await gql(api.url, ASK_RESET, { input: { email: person.email } });
    const [mail] = await mails(person.email, MailKind.PASSWORD_RESET);
    const token = /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect((await gql(api.url, SET_PASSWORD, { input: { token, password: PASSWORD } })).errors).toBeUndefined();
    expect(await statusOf(person.id)).toBe(PersonStatus.ACTIVE);
  });
});

function errorCode(res: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

import { MailKind, Role } from '@lh/domain';
import { aPerson, anAgency } from '../../test/builders';
import { gql, signInAs, startTestApi, type TestApi } from '../../test/test-db';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Person } from './person.entity';

const PREVIEW = `query($csv: String!) { peopleImportPreview(csv: $csv) { fileProblem toCreate skipped withErrors rows { line name email agency roles outcome problems } } }`;
const IMPORT = `mutation($csv: String!, $only: Boolean!, $invite: Boolean!) { importPeople(csv: $csv, onlyGoodRows: $only, sendInvitations: $invite) { created skipped leftOut invited } }`;

describe('importing people from a CSV file (real PostgreSQL)', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    await anAgency(api.orm.em.fork(), { name: 'Northshire Council' });
    await anAgency(api.orm.em.fork(), { name: 'Northshire Police' });
    await aPerson(api.orm.em.fork(), { name: 'Already Here', email: 'already@northshire.gov.uk' });
    const coordinator = await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] });
    cookie = await signInAs(api.url, coordinator);
  });
  afterAll(() => api.close());
  const em = () => api.orm.em.fork();
  const count = () => em().count(Person, {});

  const withBadRows = [
    '\uFEFFName,Email,Agency,Job title,Team,Roles',
    'Amira Khan,amira.khan@northshire.gov.uk,Northshire Council,Social worker,Duty,Practitioner',
    '"Jones, Bea",bea.jones@police.example,northshire police,PC,"Safeguarding hub","practitioner; trainer"',
    'No Email,not-an-email,Northshire Council,,,',
    'Lost Agency,lost@example.org,Atlantis Trust,,,',
    'Twice,AMIRA.KHAN@northshire.gov.uk,Northshire Council,,,',
    'Already Here,already@northshire.gov.uk,Northshire Council,,,',
  ].join('\r\n');

  it('previews every row with its problems and writes nothing', async () => {
    const before = await count();
    const res = await gql<{
      peopleImportPreview: {
        toCreate: number;
        skipped: number;
        withErrors: number;
        rows: { line: number; name: string; outcome: string; roles: string[]; problems: string[] }[];
      };
    }>(api.url, PREVIEW, { csv: withBadRows }, cookie);
    expect(res.errors).toBeUndefined();
    const p = res.data!.peopleImportPreview;
    expect(p).toMatchObject({ toCreate: 2, skipped: 1, withErrors: 3 });
    expect(p.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'CREATE'],
      [3, 'CREATE'],
      [4, 'ERROR'],
      [5, 'ERROR'],
      [6, 'ERROR'],
      [7, 'SKIP'],
    ]);
    expect(p.rows[1]).toMatchObject({ name: 'Jones, Bea', roles: ['PRACTITIONER', 'TRAINER'] });
    expect(p.rows[2]!.problems[0]).toMatch(/"not-an-email" is not an email address/);
    expect(p.rows[3]!.problems[0]).toMatch(/no agency called "Atlantis Trust"/);
    expect(p.rows[4]!.problems[0]).toMatch(/already on line 2/);
    expect(p.rows[5]!.problems[0]).toMatch(/Already has an account/);
    expect(await count()).toBe(before);
  });

  it('writes nothing from a file with bad rows, unless asked to import only the good ones', async () => {
    const before = await count();
    const refused = await gql(api.url, IMPORT, { csv: withBadRows, only: false, invite: false }, cookie);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^3 rows have problems: .*Nothing has been imported\.$/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await count()).toBe(before);

    const good = await gql<{ importPeople: Record<string, number> }>(
      api.url,
      IMPORT,
      { csv: withBadRows, only: true, invite: true },
      cookie,
    );
    expect(good.data!.importPeople).toEqual({ created: 2, skipped: 1, leftOut: 3, invited: 2 });
    expect(await count()).toBe(before + 2);
    const bea = await em().findOneOrFail(Person, { email: 'bea.jones@police.example' }, { populate: ['agency'] });
    expect(bea).toMatchObject({ name: 'Jones, Bea', jobTitle: 'PC', team: 'Safeguarding hub', roles: [Role.PRACTITIONER, Role.TRAINER] });
    expect(bea.agency!.name).toBe('Northshire Police');
    expect(await em().count(OutboxMessage, { personId: bea.id, kind: MailKind.ACCOUNT_INVITED })).toBe(1);
    // the existing account is unchanged
    expect((await em().findOneOrFail(Person, { email: 'already@northshire.gov.uk' })).name).toBe('Already Here');
  });

  it('imports a clean file in one go; importing it again adds nobody', async () => {
    const csv =
      'name,email,agency\nCal Clean,cal@northshire.gov.uk,Northshire Council\nDee Clean,dee@northshire.gov.uk,Northshire Council\n';
    const before = await count();
    const res = await gql<{ importPeople: Record<string, number> }>(api.url, IMPORT, { csv, only: false, invite: false }, cookie);
    expect(res.data!.importPeople).toEqual({ created: 2, skipped: 0, leftOut: 0, invited: 0 });
    expect(await count()).toBe(before + 2);
    const again = await gql<{ importPeople: Record<string, number> }>(api.url, IMPORT, { csv, only: false, invite: false }, cookie);
    expect(again.data!.importPeople).toEqual({ created: 0, skipped: 2, leftOut: 0, invited: 0 });
  });

  it('says what is wrong with a file it cannot read', async () => {
    const cases: [string, RegExp][] = [
      ['', /The file is empty/],
      ['first name,surname\nA,B', /The first row must name the columns: .*missing: name, email, agency/],
      ['name,email,agency\n', /no people in it/],
      ['name,email,agency\n"Unclosed,a@b.org,X', /not a CSV file we can read/],
    ];
    for (const [csv, message] of cases) {
      const res = await gql<{ peopleImportPreview: { fileProblem: string | null; rows: unknown[] } }>(api.url, PREVIEW, { csv }, cookie);
      expect(res.data!.peopleImportPreview.fileProblem).toMatch(message);
      expect(res.data!.peopleImportPreview.rows).toEqual([]);
      const imported = await gql(api.url, IMPORT, { csv, only: true, invite: false }, cookie);
      expect(imported.errors?.[0]?.message).toMatch(message);
    }
  });
});

import { AgencySector, Role } from '@lh/domain';
import { anAgency, aPerson } from '../../test/builders';
import { gql, signInAs, startTestApi, type GqlResult, type TestApi } from '../../test/test-db';
import { Agency } from './agency.entity';

const FIELDS =
  'id name sector statutoryPartner approvalExempt emailDomains managerEmailOnDomains ssoTenantIds passwordSignIn retiredAt peopleCount';
const CREATE = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { ${FIELDS} } }`;
const EXEMPT = `mutation($id: ID!, $exempt: Boolean!) { setAgencyApprovalExempt(agencyId: $id, exempt: $exempt) { approvalExempt } }`;
const COPY = `mutation($id: ID!, $copy: Boolean!) { setAgencyManagerCopy(agencyId: $id, copy: $copy) { copyManagersOnNonAttendance } }`;
const SIGN_IN = `mutation($input: AgencySignInInput!) { setAgencySignIn(input: $input) { ssoTenantIds passwordSignIn } }`;
const RETIRE = `mutation($id: ID!) { retireAgency(agencyId: $id) { retiredAt } }`;
const BRING_BACK = `mutation($id: ID!) { bringBackAgency(agencyId: $id) { retiredAt } }`;
const LIST = `{ adminAgencies { id name retiredAt peopleCount } }`;
const ONE = `query($id: ID!) { adminAgency(id: $id) { ${FIELDS} } }`;
const OFFERED = `query($all: Boolean!) { agencies(includeRetired: $all) { id retiredAt } }`;

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const fields = (res: GqlResult) => (res.errors?.[0]?.extensions?.fields ?? []) as { field: string; message: string }[];
const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('agency administration (real API, real PostgreSQL)', () => {
  let api: TestApi;
  let coordinator: string;
  let practitioner: string;
  beforeAll(async () => {
    api = await startTestApi();
    coordinator = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.COORDINATOR] }));
    practitioner = await signInAs(api.url, await aPerson(api.orm.em.fork(), { roles: [Role.PRACTITIONER, Role.TRAINER] }));
  });
  afterAll(() => api.close());

  const em = () => api.orm.em.fork();
  const details = (over: Record<string, unknown> = {}) => ({
    name: 'Northshire Fire and Rescue Service',
    sector: 'OTHER',
    statutoryPartner: false,
    emailDomains: ['@NorthshireFire.gov.uk', 'northshirefire.gov.uk'],
    managerEmailOnDomains: false,
    ...over,
  });
  const create = (over: Record<string, unknown> = {}, cookie = coordinator) =>
    gql<{ createAgency: Record<string, unknown> }>(api.url, CREATE, { input: details(over) }, cookie);
  const snapshot = async () => (await em().find(Agency, {}, { orderBy: { id: 'asc' } })).map((a) => ({ ...a }));

  it('only coordinators manage agencies', async () => {
    const agency = await anAgency(em());
    const before = await snapshot();
    for (const [query, variables] of [
      [CREATE, { input: details({ name: 'Refused agency' }) }],
      [UPDATE, { input: { ...details(), agencyId: agency.id } }],
      [EXEMPT, { id: agency.id, exempt: true }],
      [COPY, { id: agency.id, copy: true }],
      [SIGN_IN, { input: { agencyId: agency.id, ssoTenantIds: [TENANT], passwordSignIn: false } }],
      [RETIRE, { id: agency.id }],
      [BRING_BACK, { id: agency.id }],
      [LIST, {}],
      [ONE, { id: agency.id }],
      [OFFERED, { all: true }],
    ] as const) {
      expect(code(await gql(api.url, query, variables, practitioner))).toBe('NOT_ALLOWED');
      expect(code(await gql(api.url, query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('adds an agency with its sector, statutory partner flag and email domains, tidied', async () => {
    const res = await create({ name: '  Northshire   Fire and Rescue Service ', statutoryPartner: true });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAgency).toMatchObject({
      name: 'Northshire Fire and Rescue Service',
      sector: 'OTHER',
      statutoryPartner: true,
      approvalExempt: false,
      emailDomains: ['northshirefire.gov.uk'],
      ssoTenantIds: [],
      passwordSignIn: true,
      retiredAt: null,
      peopleCount: 0,
    });
  });

  it('refuses a name already taken whatever its case, and says so for a retired agency too', async () => {
    await anAgency(em(), { name: 'Northshire Homes' });
    const retired = await anAgency(em(), { name: 'Northshire CCG' });
    await em().nativeUpdate(Agency, { id: retired.id }, { retiredAt: new Date() });
    const before = await em().count(Agency);

    expect(fields(await create({ name: 'NORTHSHIRE HOMES' }))).toEqual([
      { field: 'input.name', message: 'An agency called "Northshire Homes" already exists' },
    ]);
    expect(fields(await create({ name: 'northshire ccg' }))).toEqual([
      { field: 'input.name', message: 'A retired agency is called "Northshire CCG": bring it back instead, or choose another name' },
    ]);
    expect(await em().count(Agency)).toBe(before);
  });

  it('names every problem at once (name, each bad domain) and changes nothing', async () => {
    const agency = await anAgency(em(), { name: 'Little Acorns Nursery' });
    await anAgency(em(), { name: 'Sunflower Nursery' });
    const before = await snapshot();

    const res = await gql(
      api.url,
      UPDATE,
      { input: { ...details({ name: 'sunflower nursery', emailDomains: ['acorns', 'gmail.com'] }), agencyId: agency.id } },
      coordinator,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual([
      { field: 'input.name', message: 'An agency called "Sunflower Nursery" already exists' },
      { field: 'input.emailDomains', message: 'Enter each email domain like northshire.gov.uk, one a line: "acorns" is not a domain' },
    ]);
    expect(fields(await create({ name: ' ', sector: null, statutoryPartner: null, emailDomains: ['Gmail.com'] }))).toEqual([
      { field: 'input.name', message: 'Enter the name of the agency' },
      { field: 'input.sector', message: "Choose the agency's sector" },
      { field: 'input.statutoryPartner', message: 'Choose whether the agency is a statutory partner' },
      {
        field: 'input.emailDomains',
        message: 'Remove "gmail.com": anyone can have an address there, so it cannot show that someone works for this agency',
      },
    ]);
    expect(fields(await create({ name: 'No domains', emailDomains: [], managerEmailOnDomains: true }))).toEqual([
      {
        field: 'input.emailDomains',
        message: 'Enter at least one email domain, or untick "Line managers must use an address on these domains"',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('renames an agency (a change of case alone is allowed) and changes its sector and statutory partner flag', async () => {
    const agency = await anAgency(em(), { name: 'northshire youth service', sector: AgencySector.OTHER });
    const renamed = await gql<{ updateAgency: Record<string, unknown> }>(
      api.url,
      UPDATE,
      {
        input: {
          ...details({ name: 'Northshire Youth Service', sector: 'YOUTH_JUSTICE', statutoryPartner: true, emailDomains: [] }),
          agencyId: agency.id,
        },
      },
      coordinator,
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateAgency).toMatchObject({
      name: 'Northshire Youth Service',
      sector: 'YOUTH_JUSTICE',
      statutoryPartner: true,
      emailDomains: [],
    });
    const missing = await gql(
      api.url,
      UPDATE,
      { input: { ...details({ name: 'Ghost' }), agencyId: '00000000-0000-4000-8000-000000000000' } },
      coordinator,
    );
    expect(code(missing)).toBe('NOT_FOUND');
  });

  it('turns approval exemption on and off', async () => {
    const agency = await anAgency(em());
    const on = await gql<{ setAgencyApprovalExempt: { approvalExempt: boolean } }>(
      api.url,
      EXEMPT,
      { id: agency.id, exempt: true },
      coordinator,
    );
    expect(on.data!.setAgencyApprovalExempt.approvalExempt).toBe(true);
    const off = await gql<{ setAgencyApprovalExempt: { approvalExempt: boolean } }>(
      api.url,
      EXEMPT,
      { id: agency.id, exempt: false },
      coordinator,
    );
    expect(off.data!.setAgencyApprovalExempt.approvalExempt).toBe(false);
  });

  it('sets whether line managers get a copy of non-attendance mail', async () => {
    const agency = await anAgency(em());
    expect(agency.copyManagersOnNonAttendance).toBe(false);
    const on = await gql<{ setAgencyManagerCopy: { copyManagersOnNonAttendance: boolean } }>(
      api.url,
      COPY,
      { id: agency.id, copy: true },
      coordinator,
    );
    expect(on.data!.setAgencyManagerCopy.copyManagersOnNonAttendance).toBe(true);
    expect((await em().findOneOrFail(Agency, agency.id)).copyManagersOnNonAttendance).toBe(true);
    const off = await gql<{ setAgencyManagerCopy: { copyManagersOnNonAttendance: boolean } }>(
      api.url,
      COPY,
      { id: agency.id, copy: false },
      coordinator,
    );
    expect(off.data!.setAgencyManagerCopy.copyManagersOnNonAttendance).toBe(false);
    expect(code(await gql(api.url, COPY, { id: '00000000-0000-4000-8000-000000000000', copy: true }, coordinator))).toBe('NOT_FOUND');
  });

  it('keeps single sign-on tenant ids as GUIDs, one agency each, and never leaves an agency with no way to sign in', async () => {
    const agency = await anAgency(em(), { name: 'Northshire Council' });
    const other = await anAgency(em(), { name: 'Northshire Police' });
    const set = (id: string, ssoTenantIds: string[], passwordSignIn: boolean) =>
      gql<{ setAgencySignIn: { ssoTenantIds: string[]; passwordSignIn: boolean } }>(
        api.url,
        SIGN_IN,
        { input: { agencyId: id, ssoTenantIds, passwordSignIn } },
        coordinator,
      );

    const ok = await set(agency.id, [` ${TENANT.toUpperCase()} `, TENANT], false);
    expect(ok.data!.setAgencySignIn).toEqual({ ssoTenantIds: [TENANT], passwordSignIn: false });

    const bad = await set(other.id, ['northshire.onmicrosoft.com'], false);
    expect(fields(bad)).toEqual([
      {
        field: 'input.ssoTenantIds',
        message:
          'Enter each tenant id as a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47, one a line: "northshire.onmicrosoft.com" is not one',
      },
    ]);
    expect(fields(await set(other.id, [], false))).toEqual([
      {
        field: 'input.passwordSignIn',
        message: 'Add a tenant id, or let people sign in with a password: otherwise nobody at Northshire Police could sign in',
      },
    ]);
    const taken = await set(other.id, [TENANT], true);
    expect(fields(taken)).toEqual([
      {
        field: 'input.ssoTenantIds',
        message: `Tenant id ${TENANT} is already accepted by Northshire Council: a tenant belongs to one agency, so single sign-on knows whose people they are`,
      },
    ]);
    const unchanged = await em().findOneOrFail(Agency, other.id);
    expect([unchanged.ssoTenantIds, unchanged.passwordSignIn]).toEqual([[], true]);
  });

  it('retires an agency: no longer offered, its people stay, listed after those in use; and brings it back', async () => {
    const agency = await anAgency(em(), { name: 'Aaa Retiring Agency' });
    await aPerson(em(), { agency });
    await gql(api.url, RETIRE, { id: agency.id }, coordinator);

    const offered = await gql<{ agencies: { id: string }[] }>(api.url, OFFERED, { all: false }, coordinator);
    expect(offered.data!.agencies.map((a) => a.id)).not.toContain(agency.id);
    const all = await gql<{ agencies: { id: string }[] }>(api.url, OFFERED, { all: true }, coordinator);
    expect(all.data!.agencies.map((a) => a.id)).toContain(agency.id);
    const list = await gql<{ adminAgencies: { id: string; name: string; retiredAt: string | null; peopleCount: number }[] }>(
      api.url,
      LIST,
      {},
      coordinator,
    );
    const rows = list.data!.adminAgencies;
    const row = rows.find((a) => a.id === agency.id)!;
    expect(row.peopleCount).toBe(1);
    expect(row.retiredAt).not.toBeNull();
    const firstRetired = rows.findIndex((a) => a.retiredAt);
    expect(rows.slice(firstRetired).every((a) => a.retiredAt)).toBe(true);
    const inUse = rows.slice(0, firstRetired).map((a) => a.name);
    expect(inUse).toEqual([...inUse].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    expect(code(await gql(api.url, RETIRE, { id: agency.id }, coordinator))).toBe('INVALID_TRANSITION');
    const back = await gql<{ bringBackAgency: { retiredAt: string | null } }>(api.url, BRING_BACK, { id: agency.id }, coordinator);
    expect(back.data!.bringBackAgency.retiredAt).toBeNull();
    expect(code(await gql(api.url, BRING_BACK, { id: agency.id }, coordinator))).toBe('INVALID_TRANSITION');
  });
});

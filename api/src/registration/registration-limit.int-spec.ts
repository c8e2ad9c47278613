import { APP_CONFIG, type AppConfig } from '../config/config';
import { gql, startTestApi, type TestApi } from '../../test/test-db';
import { agencyWith, REGISTER, registration, RESEND } from './registration-test-support';

describe('registration is rate limited per IP address (counts in PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    const base = await startTestApi();
    const limits = base.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits;
    await base.close();
    api = await startTestApi({ rateLimits: { ...limits, REGISTRATION_PER_IP: { points: 2, seconds: 3600 } } });
  });
  afterAll(() => api.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const outcome = (r: { errors?: { extensions?: { code?: string }; message: string }[] }) =>
    r.errors ? `${r.errors[0]!.extensions?.code}: ${r.errors[0]!.message}` : 'OK';

  it('refuses the third registration or new link from one address within the hour, and says when to try again', async () => {
    const agency = await agencyWith(api, { emailDomains: ['limit.example'] });
    const answers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const input = registration({ email: `person-${i}@limit.example`, agencyId: agency.id });
      answers.push(outcome(await gql(api.url, REGISTER, { input }, undefined, from('198.51.100.7'))));
    }
    answers.push(outcome(await gql(api.url, RESEND, { email: 'person-0@limit.example' }, undefined, from('198.51.100.7'))));
    expect(answers).toEqual(['OK', 'OK', 'TOO_MANY_ATTEMPTS: Too many attempts. Try again in 60 minutes.']);
    const elsewhere = registration({ email: 'person-9@limit.example', agencyId: agency.id });
    expect(outcome(await gql(api.url, REGISTER, { input: elsewhere }, undefined, from('198.51.100.8')))).toBe('OK');
  });
});

import { APP_CONFIG, type AppConfig } from '../config/config';
import { gql, startTestApi, type TestApi } from '../../test/test-db';

describe('certificate verification is rate limited per IP address', () => {
  let api: TestApi;
  beforeAll(async () => {
    const base = await startTestApi();
    const limits = base.app.get<symbol, AppConfig>(APP_CONFIG).rateLimits;
    await base.close();
    api = await startTestApi({ rateLimits: { ...limits, CERTIFICATE_VERIFY_PER_IP: { points: 3, seconds: 3600 } } });
  });
  afterAll(() => api.close());

  it('refuses the fourth check from one address within the hour with 429, and answers another address', async () => {
    const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { problem } }`;
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++) {
      const ok = await gql(api.url, VERIFY, { code: '0000-0000-0000-0000-0000' }, undefined, from('198.51.100.20'));
      expect(ok.errors).toBeUndefined();
    }
    const refused = await gql(api.url, VERIFY, { code: '0000-0000-0000-0000-0000' }, undefined, from('198.51.100.20'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(refused.errors?.[0]?.message).toBe('Too many attempts. Try again in 60 minutes.');
    expect((await gql(api.url, VERIFY, { code: '0000-0000-0000-0000-0000' }, undefined, from('198.51.100.21'))).errors).toBeUndefined();
  });
});

import { webUrl } from './support';

/** Posts that are not our forms get a clear 4xx answer, never a server error (and nothing reaches the API). */
describe('form posts the web app cannot take', () => {
  const post = (body: BodyInit, contentType: string) =>
    fetch(`${webUrl()}/sign-in`, { method: 'POST', headers: { 'content-type': contentType, origin: webUrl() }, body, redirect: 'manual' });

  it('answers a form sent as text/plain with 415 and a sentence', async () => {
    const res = await post('email=a@example.org&password=x', 'text/plain');
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/takes only forms sent from its own pages/);
  });

  it('answers a form over 100 KB with 413 and a sentence', async () => {
    const res = await post(
      new URLSearchParams({ email: 'a@example.org', password: 'x'.repeat(150_000) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/too long/);
  });

  it('still takes an ordinary form', async () => {
    const res = await post(
      new URLSearchParams({ email: 'nobody@example.org', password: 'wrong' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(413);
  });
});

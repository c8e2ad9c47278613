import { MAX_FORM_BYTES, SECURITY_HEADERS, formLimit, refusePost, secureCookies, withSecurityHeaders } from './request-guard';

const site = new URL('http://localhost:5173/bookings/1');
const post = (headers: Record<string, string>) => new Request(site, { method: 'POST', headers });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('form posts the web app refuses before reading them', () => {
  it('takes a form from its own pages', () => {
    expect(refusePost(post({ ...form, origin: site.origin }), site)).toBeNull();
    expect(refusePost(new Request(site), site)).toBeNull(); // a GET is never a form post
  });

  it("refuses another site's form, and one that says nothing of where it came from, with 403 and a sentence", async () => {
    for (const headers of [{ ...form, origin: 'https://evil.example' }, { ...form }, { ...form, origin: 'null' }]) {
      const refused = refusePost(post(headers), site)!;
      expect(refused.status).toBe(403);
      expect(await refused.text()).toBe(
        'This form was not sent from a Learning Hub page, so nothing was done. Go back to the page and send the form again.',
      );
    }
  });

  it('refuses what is not a form (415) and a form too large to read (413)', () => {
    expect(refusePost(post({ 'content-type': 'application/json', origin: site.origin }), site)!.status).toBe(415);
    expect(refusePost(post({ ...form, origin: site.origin, 'content-length': String(MAX_FORM_BYTES + 1) }), site)!.status).toBe(413);
  });
});

describe('the forms that carry a file take more', () => {
  const fiveMb = 5 * 1024 * 1024;
  const sized = (bytes: number) => post({ ...form, origin: site.origin, 'content-length': String(bytes) });

  it('takes an evidence file up to EVIDENCE_MAX_BYTES with its form, and says the limit in words above it', async () => {
    const limit = formLimit('/your-record/external/new', fiveMb);
    expect(limit.bytes).toBe(fiveMb + MAX_FORM_BYTES);
    expect(refusePost(sized(fiveMb + 50_000), site, limit)).toBeNull();
    const refused = refusePost(sized(fiveMb + MAX_FORM_BYTES + 1), site, limit)!;
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe('The evidence file must be 5 MB or smaller. Go back, choose a smaller file and send the form again.');
  });

  it('takes an e-learning export on its page, and nowhere else more than MAX_FORM_BYTES', () => {
    expect(refusePost(sized(400_000), site, formLimit('/manage/e-learning', fiveMb))).toBeNull();
    expect(refusePost(sized(MAX_FORM_BYTES + 1), site, formLimit('/your-record', fiveMb))!.status).toBe(413);
    expect(formLimit('/manage/people/import', fiveMb).bytes).toBe(MAX_FORM_BYTES);
  });
});

describe('security headers and cookies', () => {
  it('adds nosniff, a referrer policy and no framing to every answer, keeping any it set itself', () => {
    const answer = withSecurityHeaders(new Response('x', { headers: { 'referrer-policy': 'no-referrer' } }));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(Object.keys(SECURITY_HEADERS)).toContain('referrer-policy');
  });

  it('makes session cookies Secure whenever the site is on https', () => {
    expect(secureCookies(new URL('https://learning.example.org/'), false)).toBe(true);
    expect(secureCookies(new URL('http://localhost:5173/'), false)).toBe(false);
    expect(secureCookies(new URL('http://localhost:5173/'), true)).toBe(true);
  });
});

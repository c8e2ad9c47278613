import { nextQuery, safeNext } from './safe-next';

const origin = 'http://localhost:5173';

describe('safeNext', () => {
  it.each([
    ['/bookings', '/bookings'],
    ['/courses?level=2&format=ONLINE', '/courses?level=2&format=ONLINE'],
    ['/help/practitioner#booking', '/help/practitioner#booking'],
    ['/manage/sessions/../venues', '/manage/venues'],
    ['/courses?q=a%20b', '/courses?q=a%20b'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNext(next, origin)).toBe(expected);
  });

  it.each([
    ['a backslash, read by browsers as a slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a tab between the slashes', '/\t/evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['a protocol-relative address', '//evil.example'],
    ['a dot segment that leaves a double slash', '/.//evil.example'],
    ['an absolute address', 'https://evil.example/'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'courses'],
    ['nothing', ''],
  ])('refuses %s', (_what, next) => {
    expect(safeNext(next, origin)).toBe('/courses');
  });

  it('gives the fallback when there is no next page', () => {
    expect(safeNext(null, origin)).toBe('/courses');
    expect(safeNext(undefined, origin, '/account')).toBe('/account');
  });

  it('never answers with anything but a path on the origin', () => {
    for (const next of ['/\\evil.example', '/\t/evil.example', '/%5Cevil.example', '/%09/evil.example', '/.//evil.example']) {
      const answer = safeNext(next, origin);
      expect(new URL(answer, origin).origin).toBe(origin);
      expect(answer).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe('nextQuery', () => {
  it('carries a safe page to return to, encoded, and nothing else', () => {
    expect(nextQuery(new URL('/sign-in?next=%2Fcourses%3Flevel%3D3', origin))).toBe('?next=%2Fcourses%3Flevel%3D3');
    expect(nextQuery(new URL('/sign-in?next=//evil.example', origin))).toBe('');
    expect(nextQuery(new URL('/sign-in', origin))).toBe('');
  });
});

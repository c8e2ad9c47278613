import { ApiRequestError, CourseDocument, CoursesDocument, MeDocument, SignInDocument } from '@lh/graphql-client';
import { api, apiUrl, demo, demoEmail } from './support';

describe('API over HTTP, with the demo data', () => {
  it('reports healthy', async () => {
    const res = await fetch(`${apiUrl()}/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the demo catalogue: at least 15 courses, sessions with places', async () => {
    const { data } = await api()(CoursesDocument, {});
    expect(data.courses.length).toBeGreaterThanOrEqual(15);
    const withDates = data.courses.filter((c) => c.upcomingSessionCount > 0);
    expect(withDates.length).toBeGreaterThan(5);
    const { data: one } = await api()(CourseDocument, { id: withDates[0]!.id });
    expect(one.course.upcomingSessions.length).toBe(withDates[0]!.upcomingSessionCount);
    for (const s of one.course.upcomingSessions) {
      expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.now());
      expect(s.placesLeft).toBeGreaterThanOrEqual(0);
      expect(s.placesLeft).toBeLessThanOrEqual(s.capacity);
    }
  });

  it('filters by level and refuses level 7 naming the field', async () => {
    const { data } = await api()(CoursesDocument, { filter: { level: 4 } });
    expect(data.courses.length).toBeGreaterThan(0);
    expect(data.courses.every((c) => c.level === 4)).toBe(true);
    await expect(api()(CoursesDocument, { filter: { level: 7 } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ fields: [{ field: 'filter.level', message: 'Level must be between 1 and 4' }] }],
    });
  });

  it('signs in each demo account and knows who it is', async () => {
    for (const account of demo.accounts) {
      const { setCookies } = await api()(SignInDocument, { input: { email: account.email, password: demo.password } });
      const cookie = setCookies.map((c) => c.split(';')[0]).find((c) => c!.startsWith('lh_session='));
      const { data } = await api()(MeDocument, {}, { cookie });
      expect(data.me?.email).toBe(account.email);
      expect(data.me?.roles).toContain(account.role.toUpperCase().replace(' ', '_'));
    }
  });

  it('refuses a wrong password without saying whether the email exists', async () => {
    const err = await api()(SignInDocument, { input: { email: demoEmail('Practitioner'), password: 'wrong' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).code).toBe('INVALID_CREDENTIALS');
  });
});

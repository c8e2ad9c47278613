import { currentness, manageSections, navigationFor } from './navigation';

const labels = (roles?: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((i) => i.label);

describe('navigationFor', () => {
  it('gives someone signed out the catalogue and help', () => {
    expect(labels(undefined)).toEqual(['Find a course', 'Help']);
  });
  it('gives a practitioner their bookings and account', () => {
    expect(labels(['PRACTITIONER'])).toEqual(['Find a course', 'Your bookings', 'Mandatory training', 'Your account', 'Help']);
  });
  it('gives a trainer the sessions they train', () => {
    expect(labels(['PRACTITIONER', 'TRAINER'])).toEqual([
      'Find a course',
      'Your bookings',
      'Mandatory training',
      'Your sessions',
      'Your account',
      'Help',
    ]);
    expect(navigationFor(['TRAINER']).find((i) => i.label === 'Your sessions')?.href).toBe('/your-sessions');
  });
  it("puts every coordinator's page under one Manage entry", () => {
    const items = navigationFor(['PRACTITIONER', 'COORDINATOR']);
    expect(items.map((i) => i.label)).toEqual(['Find a course', 'Your bookings', 'Mandatory training', 'Manage', 'Your account', 'Help']);
    expect(items.some((i) => i.href.startsWith('/manage/'))).toBe(false);
  });
  it('gives an agency lead their agency, and a reviewer compliance', () => {
    expect(navigationFor(['PRACTITIONER', 'AGENCY_LEAD']).find((i) => i.label === 'Your agency')?.href).toBe('/your-agency');
    expect(navigationFor(['REVIEWER']).find((i) => i.label === 'Compliance')?.href).toBe('/manage/compliance');
    expect(navigationFor(['REVIEWER']).find((i) => i.label === 'Survey results')?.href).toBe('/manage/surveys/results');
    // the same first page of the reports as coordinators' Manage entry: the dashboard
    expect(navigationFor(['REVIEWER']).find((i) => i.label === 'Reports')?.href).toBe('/manage/reports/dashboard');
    expect(manageSections.find((s) => s.label === 'Reports')?.href).toBe('/manage/reports/dashboard');
    expect(labels(['COORDINATOR', 'REVIEWER'])).not.toContain('Compliance');
    expect(labels(['COORDINATOR'])).not.toContain('Mandatory training');
  });
  it('lists each section of Manage once, under /manage, with a description', () => {
    expect(manageSections.map((s) => s.label)).toEqual([
      'Sessions',
      'Waiting for the training team',
      'Courses',
      'Venues',
      'People',
      'Requests',
      'Agencies',
      'Non-attendance',
      'Surveys',
      'Survey results',
      'Learning done elsewhere',
      'E-learning completions',
      'Mail log',
      'Mandatory training',
      'Compliance',
      'Reports',
      'Audit log',
      'Data retention',
    ]);
    expect(new Set(manageSections.map((s) => s.href)).size).toBe(manageSections.length);
    for (const s of manageSections) {
      expect(s.href).toMatch(/^\/manage(\/[a-z-]+)+$/);
      expect(s.description).toMatch(/^[A-Z].+\.$/);
    }
  });
});

describe('currentness', () => {
  it('marks the page itself', () => {
    expect(currentness('/manage', '/manage')).toBe('page');
    expect(currentness('/help', '/help/')).toBe('page');
  });
  it('marks the section of a page inside it', () => {
    expect(currentness('/manage', '/manage/venues/new')).toBe('true');
    expect(currentness('/help', '/help/practitioner')).toBe('true');
  });
  it('leaves other entries alone, including ones that only start with the same letters', () => {
    expect(currentness('/courses', '/manage/courses')).toBeUndefined();
    expect(currentness('/manage', '/managers')).toBeUndefined();
    expect(currentness('/help', '/')).toBeUndefined();
  });
});

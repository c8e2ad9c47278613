import { BookingStatus } from './enums';
import { RosterSort, countByAgency, parseEmailList, rosterMatches, sortRoster, summariseNeeds, type RosterRow } from './roster';

const row = (name: string, over: Partial<RosterRow> = {}): RosterRow => ({
  bookingId: name,
  name,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`,
  agencyName: null,
  status: BookingStatus.CONFIRMED,
  bookedAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

describe('session roster', () => {
  it('matches every search word against the name or email, ignoring case and accents', () => {
    const r = row('Zoë Brown', { email: 'zb@council.gov.uk' });
    expect(rosterMatches(r, 'zoe')).toBe(true);
    expect(rosterMatches(r, 'BROWN council')).toBe(true);
    expect(rosterMatches(r, 'brown police')).toBe(false);
    expect(rosterMatches(r, '  ')).toBe(true);
  });

  it('sorts by name, agency (none last), status (live first) and booked on, ties by name', () => {
    const a = row('Amy', { agencyName: 'Police', status: BookingStatus.WAITLISTED, bookedAt: new Date('2026-01-03') });
    const b = row('Ben', { agencyName: null, status: BookingStatus.CONFIRMED, bookedAt: new Date('2026-01-01') });
    const c = row('Cat', { agencyName: 'Council', status: BookingStatus.CANCELLED, bookedAt: new Date('2026-01-02') });
    const names = (s: RosterSort) => sortRoster([c, b, a], s).map((r) => r.name);
    expect(names(RosterSort.NAME)).toEqual(['Amy', 'Ben', 'Cat']);
    expect(names(RosterSort.AGENCY)).toEqual(['Cat', 'Amy', 'Ben']);
    expect(names(RosterSort.STATUS)).toEqual(['Ben', 'Amy', 'Cat']);
    expect(names(RosterSort.BOOKED_ON)).toEqual(['Ben', 'Cat', 'Amy']);
  });

  it('counts people per agency, most first, no agency last', () => {
    expect(countByAgency([{ agencyName: 'A' }, { agencyName: null }, { agencyName: 'B' }, { agencyName: 'B' }])).toEqual([
      { agencyName: 'B', count: 2 },
      { agencyName: 'A', count: 1 },
      { agencyName: null, count: 1 },
    ]);
  });

  it('reads pasted emails one a line or split by commas and semicolons, with a problem for each bad line', () => {
    const lines = parseEmailList('a@x.org\n Bee <B@X.org>; not an email,a@x.org\r\n\n c@x.org');
    expect(lines).toEqual([
      { line: 'a@x.org', email: 'a@x.org', problem: null },
      { line: 'Bee <B@X.org>', email: 'b@x.org', problem: null },
      { line: 'not an email', email: null, problem: 'This is not an email address' },
      { line: 'a@x.org', email: null, problem: 'This email address is listed twice' },
      { line: 'c@x.org', email: 'c@x.org', problem: null },
    ]);
  });

  it('summarises needs as counted answers without names, grouping the same answer', () => {
    expect(
      summariseNeeds([
        { accessNeeds: 'Step-free access', dietaryNeeds: 'Vegan' },
        { accessNeeds: 'step-free access.', dietaryNeeds: ' ' },
        { dietaryNeeds: 'vegan' },
        {},
      ]),
    ).toEqual({
      places: 4,
      withoutNeeds: 1,
      access: [{ answer: 'Step-free access', count: 2 }],
      dietary: [{ answer: 'Vegan', count: 2 }],
    });
  });
});

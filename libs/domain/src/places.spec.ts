import {
  describeDuration,
  describePlacesLeft,
  describeVenue,
  placesLeft,
  plural,
  sessionCapacityProblem,
  venueAddressLines,
} from './places';

describe('placesLeft', () => {
  it('subtracts confirmed bookings from capacity', () => {
    expect(placesLeft(20, 7)).toBe(13);
  });
  it('never goes below zero', () => {
    expect(placesLeft(10, 12)).toBe(0);
  });
  it('rejects nonsense', () => {
    expect(() => placesLeft(-1, 0)).toThrow(/capacity/);
    expect(() => placesLeft(5, 1.5)).toThrow(/confirmed/);
  });
});

describe('describePlacesLeft', () => {
  it('reads naturally', () => {
    expect(describePlacesLeft(0)).toBe('Full');
    expect(describePlacesLeft(1)).toBe('1 place left');
    expect(describePlacesLeft(12)).toBe('12 places left');
  });
});

describe('describeDuration', () => {
  it('describes hours, minutes and days', () => {
    expect(describeDuration(180)).toBe('3 hours');
    expect(describeDuration(210)).toBe('3 hours 30 minutes');
    expect(describeDuration(45)).toBe('45 minutes');
    expect(describeDuration(420)).toBe('1 day');
    expect(describeDuration(840)).toBe('2 days');
    expect(() => describeDuration(0)).toThrow();
  });
});

describe('plural', () => {
  it('uses the singular for exactly one, the plural for none and for more', () => {
    expect(plural(1, 'course', 'courses')).toBe('1 course');
    expect(plural(0, 'course', 'courses')).toBe('0 courses');
    expect(plural(2, 'course', 'courses')).toBe('2 courses');
    expect(plural(21, 'course', 'courses')).toBe('21 courses');
  });
  it('carries a verb that agrees, and irregular plurals', () => {
    expect(plural(1, 'course matches', 'courses match')).toBe('1 course matches');
    expect(plural(4, 'course matches', 'courses match')).toBe('4 courses match');
    expect(plural(1, 'person is', 'people are')).toBe('1 person is');
    expect(plural(3, 'person is', 'people are')).toBe('3 people are');
  });
  it('can leave the count out', () => {
    expect(plural(1, 'role is', 'roles are', { count: false })).toBe('role is');
    expect(plural(2, 'role is', 'roles are', { count: false })).toBe('roles are');
  });
  it('writes minus one and fractions with the plural', () => {
    expect(plural(-1, 'day', 'days')).toBe('-1 days');
    expect(plural(1.5, 'day', 'days')).toBe('1.5 days');
  });
});

describe('describing a venue', () => {
  it('says the venue name once, even when the address starts with it', () => {
    expect(
      describeVenue({ name: 'Northshire College', room: 'Room B12', address: 'Northshire College, Station Road, Northbridge NB1 4QT' }),
    ).toBe('Northshire College, Room B12, Station Road, Northbridge NB1 4QT');
  });
  it('leaves out a first line that only names the venue again, never the street', () => {
    expect(describeVenue({ name: 'Civic Centre', address: 'Northbridge Civic Centre, Market Square, Northbridge NB1 1AA' })).toBe(
      'Civic Centre, Market Square, Northbridge NB1 1AA',
    );
    expect(describeVenue({ name: 'Civic Centre', address: '1 Civic Way, Northbridge' })).toBe('Civic Centre, 1 Civic Way, Northbridge');
    expect(describeVenue({ name: 'Civic Centre', address: 'Civic Centre' })).toBe('Civic Centre');
  });

  it('keeps the separators of an address typed on separate lines', () => {
    expect(venueAddressLines('Civic Centre', 'Market Square\r\nNorthbridge\n\nNB1 1AA ')).toEqual([
      'Market Square',
      'Northbridge',
      'NB1 1AA',
    ]);
    expect(describeVenue({ name: 'Civic Centre', address: 'Market Square\nNorthbridge' })).toBe('Civic Centre, Market Square, Northbridge');
  });
});

describe('sessionCapacityProblem', () => {
  it('takes 1 to 1000 places, and no more than the venue holds', () => {
    expect(sessionCapacityProblem(1, null)).toBeNull();
    expect(sessionCapacityProblem(1000, { name: 'Hall', capacity: null })).toBeNull();
    for (const bad of [0, -1, 1001, 2.5]) {
      expect(sessionCapacityProblem(bad, null)).toEqual({ field: 'capacity', message: 'Capacity must be between 1 and 1000' });
    }
    expect(sessionCapacityProblem(17, { name: 'Northshire College', capacity: 16 }, 'input.capacity')).toEqual({
      field: 'input.capacity',
      message: 'Capacity must be 16 or fewer: that is the most Northshire College holds',
    });
  });
});

import { describeDuration, describePlacesLeft, placesLeft } from './places';

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

import { BookingStatus } from './enums';
import { WALK_IN_SEARCH_LIMIT, maskEmail, walkInChange, walkInSearchProblem } from './walk-ins';

describe('walk-in rules', () => {
  it('searches from two characters', () => {
    expect(walkInSearchProblem('')).toBe('Enter at least 2 letters of their name or email address');
    expect(walkInSearchProblem(' j ')).toBe('Enter at least 2 letters of their name or email address');
    expect(walkInSearchProblem('ja')).toBeNull();
    expect(WALK_IN_SEARCH_LIMIT).toBe(10);
  });

  it('shows the domain and the ends of the address, enough to tell two people apart', () => {
    expect(maskEmail('jane.smith@nhs.example')).toBe('ja…th@nhs.example');
    expect(maskEmail('jane.smith2@nhs.example')).toBe('ja…h2@nhs.example');
    expect(maskEmail('jo@school.example')).toBe('j…@school.example');
    expect(maskEmail('abcde@x.example')).toBe('a…@x.example');
    expect(maskEmail('not-an-address')).toBe('…');
  });

  it('adds a new place, confirms a place held or waited for, and refuses someone already on the register', () => {
    expect(walkInChange(null)).toBe('NEW');
    expect(walkInChange(BookingStatus.CONFIRMED)).toBe('ALREADY_ON_REGISTER');
    expect(walkInChange(BookingStatus.WAITLISTED)).toBe('CONVERT');
    expect(walkInChange(BookingStatus.OFFERED)).toBe('CONVERT');
    expect(walkInChange(BookingStatus.PENDING_APPROVAL)).toBe('CONVERT');
    expect(walkInChange(BookingStatus.CANCELLED)).toBe('NEW');
    expect(walkInChange(BookingStatus.DECLINED)).toBe('NEW');
    expect(walkInChange(BookingStatus.EXPIRED)).toBe('NEW');
  });
});

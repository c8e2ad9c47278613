import { SessionStatus } from './enums';
import { isBookableDate, newDatesAnswer } from './course-interest';

const now = new Date('2026-12-02T10:00:00Z');
const at = (iso: string) => new Date(iso);
const coming = { status: SessionStatus.SCHEDULED, startsAt: at('2027-01-10T09:30:00Z') };

describe('new dates (tell me when new dates are added)', () => {
  it('counts a coming scheduled session, also when its booking opens later', () => {
    expect(isBookableDate(coming, now)).toBe(true);
    expect(isBookableDate({ ...coming, bookingOpensAt: at('2026-12-20T00:00:00Z') }, now)).toBe(true);
  });

  it('does not count a cancelled, started or closed session', () => {
    expect(isBookableDate({ ...coming, status: SessionStatus.CANCELLED }, now)).toBe(false);
    expect(isBookableDate({ ...coming, startsAt: now }, now)).toBe(false);
    expect(isBookableDate({ ...coming, bookingClosesAt: at('2026-12-01T00:00:00Z') }, now)).toBe(false);
  });

  it('answers whether a course has dates; e-learning is never scheduled, an archived course gets no new dates', () => {
    const published = (format: 'FACE_TO_FACE' | 'VIRTUAL' | 'E_LEARNING') => ({ format, status: 'PUBLISHED' as const });
    expect(newDatesAnswer(published('FACE_TO_FACE'), [], now)).toBe('NO_DATES');
    expect(newDatesAnswer(published('FACE_TO_FACE'), [{ ...coming, status: SessionStatus.CANCELLED }], now)).toBe('NO_DATES');
    expect(newDatesAnswer(published('VIRTUAL'), [coming], now)).toBe('HAS_DATES');
    expect(newDatesAnswer(published('E_LEARNING'), [], now)).toBe('NOT_SCHEDULED');
    expect(newDatesAnswer({ format: 'FACE_TO_FACE', status: 'ARCHIVED' }, [], now)).toBe('ARCHIVED');
    expect(newDatesAnswer({ format: 'FACE_TO_FACE', status: 'DRAFT' }, [], now)).toBe('NO_DATES');
  });
});

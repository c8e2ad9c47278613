import {
  CHECK_IN_ALPHABET,
  CHECK_IN_CODE_LENGTH,
  CHECK_IN_CODE_SECONDS,
  CHECK_IN_EXPIRED_SLOTS,
  acceptedCheckInSlots,
  checkInSlot,
  encodeCheckInCode,
  expiredCheckInSlots,
  formatCheckInCode,
  isCheckInCodeShape,
  nextCheckInCodeAt,
  normaliseCheckInCode,
  secondsUntilNextCheckInCode,
  spokenCheckInCode,
} from './check-in-code';

describe('self check-in codes', () => {
  const at = (iso: string) => new Date(iso);

  it('changes slot every 20 seconds, on the boundary', () => {
    expect(CHECK_IN_CODE_SECONDS).toBe(20);
    const start = checkInSlot(at('2026-12-01T09:00:00.000Z'));
    expect(checkInSlot(at('2026-12-01T09:00:19.999Z'))).toBe(start);
    expect(checkInSlot(at('2026-12-01T09:00:20.000Z'))).toBe(start + 1);
    expect(checkInSlot(at('2026-12-01T09:01:00.000Z'))).toBe(start + 3);
    expect(start).toBe(Date.UTC(2026, 11, 1, 9) / 20_000);
  });

  it('accepts the code on the screen and the one before it, and no other', () => {
    const now = at('2026-12-01T09:00:05Z');
    const slot = checkInSlot(now);
    expect(acceptedCheckInSlots(now)).toEqual([slot, slot - 1]);
    expect(acceptedCheckInSlots(now)).not.toContain(slot - 2);
    expect(acceptedCheckInSlots(now)).not.toContain(slot + 1);
  });

  it('recognises codes up to 10 minutes older than the accepted ones as expired', () => {
    const now = at('2026-12-01T09:00:05Z');
    const slot = checkInSlot(now);
    const expired = expiredCheckInSlots(now);
    expect(expired).toHaveLength(CHECK_IN_EXPIRED_SLOTS);
    expect(expired[0]).toBe(slot - 2);
    expect(expired.at(-1)).toBe(slot - 1 - CHECK_IN_EXPIRED_SLOTS);
    expect(expired.some((s) => acceptedCheckInSlots(now).includes(s))).toBe(false);
  });

  it('says when the code changes and how many seconds are left', () => {
    expect(nextCheckInCodeAt(at('2026-12-01T09:00:05Z')).toISOString()).toBe('2026-12-01T09:00:20.000Z');
    expect(secondsUntilNextCheckInCode(at('2026-12-01T09:00:05Z'))).toBe(15);
    expect(secondsUntilNextCheckInCode(at('2026-12-01T09:00:00Z'))).toBe(20);
    expect(secondsUntilNextCheckInCode(at('2026-12-01T09:00:19.900Z'))).toBe(1);
  });

  it('uses 32 characters with no 0, O, 1 or I', () => {
    expect(new Set(CHECK_IN_ALPHABET).size).toBe(32);
    for (const lookAlike of ['0', 'O', '1', 'I']) {
      expect(CHECK_IN_ALPHABET).not.toContain(lookAlike);
    }
  });

  it('makes six characters from the first 30 bits of the hash', () => {
    expect(encodeCheckInCode(new Uint8Array([0, 0, 0, 0]))).toBe('222222');
    expect(encodeCheckInCode(new Uint8Array([255, 255, 255, 255]))).toBe('ZZZZZZ');
    // 0b00001_00010_00011_00100_00101_00110 then two bits dropped
    const bits = (1 << 25) | (2 << 20) | (3 << 15) | (4 << 10) | (5 << 5) | 6;
    const word = bits << 2;
    const bytes = new Uint8Array([(word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255, 99]);
    expect(encodeCheckInCode(bytes)).toBe('345678');
    // the last 2 bits of the fourth byte and anything after it do not change the code
    bytes[3] = bytes[3]! | 3;
    bytes[4] = 1;
    expect(encodeCheckInCode(bytes)).toBe('345678');
    expect(() => encodeCheckInCode(new Uint8Array(3))).toThrow(RangeError);
  });

  it('reads a code as typed, and knows what cannot be one', () => {
    expect(normaliseCheckInCode(' k7m 4qx ')).toBe('K7M4QX');
    expect(normaliseCheckInCode('K7M-4QX')).toBe('K7M4QX');
    expect(isCheckInCodeShape('K7M4QX')).toBe(true);
    expect(isCheckInCodeShape('K7M4Q')).toBe(false);
    expect(isCheckInCodeShape('K7M4QXX')).toBe(false);
    expect(isCheckInCodeShape('K7M4Q0')).toBe(false);
    expect(isCheckInCodeShape('K7M4QO')).toBe(false);
    expect(isCheckInCodeShape('K7M4QI')).toBe(false);
    expect(CHECK_IN_CODE_LENGTH).toBe(6);
  });

  it('shows a code in two groups and reads it out one character at a time', () => {
    expect(formatCheckInCode('K7M4QX')).toBe('K7M 4QX');
    expect(spokenCheckInCode('K7M4QX')).toBe('K, 7, M, 4, Q, X');
  });
});

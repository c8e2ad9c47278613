/**
 * Self check-in codes: the trainer's screen shows a code that changes every CHECK_IN_CODE_SECONDS; the
 * API makes each one from the part and the time slot with a keyed hash, so nothing is stored and a code
 * is of no use once it has rotated out. Pure rules: which slot an instant is in, which slots a code is
 * still accepted for, and how a code is written, typed, shown and read out.
 */

/** How long one code is shown before the next replaces it. */
export const CHECK_IN_CODE_SECONDS = 20;

/** Characters in a code. */
export const CHECK_IN_CODE_LENGTH = 6;

/**
 * The 32 characters a code is made of: digits and capital letters without 0, O, 1 and I, which look
 * alike on a projector. 32 of them, so each is exactly 5 bits of the hash.
 */
export const CHECK_IN_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A code typed this many slots after it was shown is "expired" rather than "not right" (10 minutes): so
 * someone who took a while to sign in is told to scan again, while an older or made-up code is just wrong.
 */
export const CHECK_IN_EXPIRED_SLOTS = 30;

/** The time slot an instant is in: codes change when it does. */
export function checkInSlot(now: Date): number {
  return Math.floor(now.getTime() / (CHECK_IN_CODE_SECONDS * 1000));
}

/**
 * The slots whose code is accepted at `now`: the one on the screen, and the one before it, for
 * someone who was typing (or signing in) as it changed.
 */
export function acceptedCheckInSlots(now: Date): [number, number] {
  const slot = checkInSlot(now);
  return [slot, slot - 1];
}

/** Slots whose codes are recognised as expired at `now` (older than the accepted ones), newest first. */
export function expiredCheckInSlots(now: Date): number[] {
  const oldestAccepted = acceptedCheckInSlots(now)[1];
  return Array.from({ length: CHECK_IN_EXPIRED_SLOTS }, (_, i) => oldestAccepted - 1 - i);
}

/** When the code shown at `now` is replaced. */
export function nextCheckInCodeAt(now: Date): Date {
  return new Date((checkInSlot(now) + 1) * CHECK_IN_CODE_SECONDS * 1000);
}

/** Whole seconds until the code shown at `now` changes (1 to CHECK_IN_CODE_SECONDS). */
export function secondsUntilNextCheckInCode(now: Date): number {
  return Math.max(1, Math.ceil((nextCheckInCodeAt(now).getTime() - now.getTime()) / 1000));
}

/** A code from the first 30 bits of a keyed hash: 6 characters of 5 bits each, from CHECK_IN_ALPHABET. */
export function encodeCheckInCode(bytes: Uint8Array): string {
  if (bytes.length < 4) {
    throw new RangeError('A check-in code needs at least 4 bytes of hash');
  }
  const bits = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 2;
  let code = '';
  for (let i = CHECK_IN_CODE_LENGTH - 1; i >= 0; i--) {
    code += CHECK_IN_ALPHABET[(bits >>> (i * 5)) & 31];
  }
  return code;
}

/** A code as someone typed it ("k7m 4qx", "K7M-4QX"), in the form it is compared in: capitals, no spaces or dashes. */
export function normaliseCheckInCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether a (normalised) code could be a check-in code at all: six characters of the alphabet. */
export function isCheckInCodeShape(code: string): boolean {
  return code.length === CHECK_IN_CODE_LENGTH && [...code].every((c) => CHECK_IN_ALPHABET.includes(c));
}

/** A code as the screen shows it: two groups of three ("K7M 4QX"). */
export function formatCheckInCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** A code read out one character at a time, for screen readers ("K, 7, M, 4, Q, X"). */
export function spokenCheckInCode(code: string): string {
  return [...code].join(', ');
}

/** Someone with no place who checked in: the trainer accepts them (a walk-in) or dismisses the request. */
export enum CheckInRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DISMISSED = 'DISMISSED',
}

import { Inject, Injectable } from '@nestjs/common';
import { acceptedCheckInSlots, encodeCheckInCode, expiredCheckInSlots } from '@lh/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Which part a typed code belongs to, and whether it is fresh (on its screen now or just before) or an older one. */
export interface CodeMatch {
  partId: string;
  fresh: boolean;
}

/**
 * The self check-in codes, made on demand and stored nowhere: a part's code in a time slot is the
 * HMAC-SHA256 (keyed with APP_SECRET) of "check-in:<part>:<slot>", as 6 characters of
 * CHECK_IN_ALPHABET. Without the secret nobody can make one; a code stops working when its slot
 * is no longer accepted, so a photo of the screen is no use a minute later.
 */
@Injectable()
export class CheckInCodes {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  codeFor(partId: string, slot: number): string {
    return encodeCheckInCode(createHmac('sha256', this.config.appSecret).update(`check-in:${partId}:${slot}`).digest());
  }

  /**
   * The part whose code this is, among `partIds`: `fresh` when it is the code of an accepted slot at `now`,
   * not fresh when it was that part's code in one of the expired slots. Null when it is no part's code.
   * Every comparison is constant-time, and every candidate is compared, so timing says nothing.
   */
  match(code: string, partIds: readonly string[], now: Date): CodeMatch | null {
    const given = Buffer.from(code);
    const same = (partId: string, slot: number) => {
      const expected = Buffer.from(this.codeFor(partId, slot));
      return expected.length === given.length && timingSafeEqual(expected, given);
    };
    let fresh: string | null = null;
    let stale: string | null = null;
    for (const partId of partIds) {
      for (const slot of acceptedCheckInSlots(now)) {
        if (same(partId, slot)) {
          fresh ??= partId;
        }
      }
      for (const slot of expiredCheckInSlots(now)) {
        if (same(partId, slot)) {
          stale ??= partId;
        }
      }
    }
    if (fresh) {
      return { partId: fresh, fresh: true };
    }
    return stale ? { partId: stale, fresh: false } : null;
  }
}

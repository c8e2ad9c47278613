import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '@lh/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { Person } from '../people/person.entity';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';

export { AccountTokenPurpose };

/** How long each kind of link works, in minutes. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.VERIFY_EMAIL]: 24 * 60,
  [AccountTokenPurpose.SIGN_IN]: 15,
  [AccountTokenPurpose.RESET_PASSWORD]: 60,
  [AccountTokenPurpose.INVITE]: 7 * 24 * 60,
};

const ALREADY_USED = 'This link has already been used. Ask for a new one if you still need it.';

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The one mechanism for links sent by mail that act on an account (confirm an address, sign in,
 * reset or set a password): random, single-use, expiring, stored hashed. Issuing a new link for a
 * purpose ends the person's earlier ones for it. Use inside the caller's transaction.
 */
@Injectable()
export class AccountTokenService {
  /** A new link token for `person` (to put in the mail); earlier unused links for the same purpose stop working. */
  async issue(em: EntityManager, person: Person, purpose: AccountTokenPurpose, now: Date): Promise<string> {
    await em.nativeUpdate(AccountToken, { person: person.id, purpose, usedAt: null }, { usedAt: now });
    const token = randomBytes(32).toString('base64url');
    em.create(AccountToken, {
      tokenHash: hashAccountToken(token),
      person,
      purpose,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
    });
    await em.flush();
    return token;
  }

  /**
   * Uses a link: returns its person and marks it used, so a second use (even a simultaneous one) is
   * refused. A token of another purpose, tampered, unknown, used or expired is refused
   * with a sentence that says what to do.
   */
  async consume(em: EntityManager, token: string, purposes: AccountTokenPurpose | AccountTokenPurpose[], now: Date): Promise<Person> {
    const allowed = Array.isArray(purposes) ? purposes : [purposes];
    const found = await this.find(em, token, allowed, now);
    // Conditional on still being unused: a second, simultaneous use waits for the first and then matches nothing.
    const claimed = await em.nativeUpdate(AccountToken, { id: found.id, usedAt: null }, { usedAt: now });
    if (claimed !== 1) {
      throw new DomainError(ErrorCode.TokenExpired, ALREADY_USED);
    }
    return found.person;
  }

  /** The person a link is for, without using it (to show a form first). Same refusals as `consume`. */
  async peek(em: EntityManager, token: string, purposes: AccountTokenPurpose | AccountTokenPurpose[], now: Date): Promise<Person> {
    const allowed = Array.isArray(purposes) ? purposes : [purposes];
    return (await this.find(em, token, allowed, now)).person;
  }

  private async find(em: EntityManager, token: string, purposes: AccountTokenPurpose[], now: Date): Promise<AccountToken> {
    const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await em.findOne(AccountToken, { tokenHash: hashAccountToken(token) }) : null;
    if (!row || !purposes.includes(row.purpose)) {
      throw new DomainError(
        ErrorCode.InvalidToken,
        'This link is not valid. Check you copied all of it from the email, or ask for a new one.',
      );
    }
    if (row.usedAt) {
      throw new DomainError(ErrorCode.TokenExpired, ALREADY_USED);
    }
    if (row.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.TokenExpired, 'This link has expired. Ask for a new one.');
    }
    await em.populate(row, ['person', 'person.agency']);
    return row;
  }
}

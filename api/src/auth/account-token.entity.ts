import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';

/** What a single-use link sent by mail lets its holder do. */
export enum AccountTokenPurpose {
  /** Confirm the address given at registration. */
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  /** Sign in once without a password. */
  SIGN_IN = 'SIGN_IN',
  /** Choose a new password. */
  RESET_PASSWORD = 'RESET_PASSWORD',
  /** Set a first password on an account a coordinator added. */
  INVITE = 'INVITE',
}

/**
 * A single-use, expiring link sent by mail (see AccountTokenService). The mail holds a random token;
 * only its SHA-256 is stored, so the database cannot be used to sign in.
 */
@Entity({ tableName: 'account_token' })
export class AccountToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** hex SHA-256 of the token in the link */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Enum({ items: () => AccountTokenPurpose, nativeEnumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when the link is used, or when a newer link for the same purpose replaces it. */
  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

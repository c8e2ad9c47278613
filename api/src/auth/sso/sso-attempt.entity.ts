import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * A single sign-on that has been started and not finished: what the callback must check (state,
 * nonce, PKCE verifier) and where to go after. Kept in PostgreSQL so any API process can finish it;
 * used once, then deleted. The browser holds the state in a cookie, which binds the attempt to it.
 */
@Entity({ tableName: 'sso_attempt' })
export class SsoAttempt {
  /** hex SHA-256 of the state sent to the provider */
  @PrimaryKey({ type: 'string', length: 64 })
  stateHash!: string;

  @Property({ type: 'string', length: 200 })
  codeVerifier!: string;

  @Property({ type: 'string', length: 200 })
  nonce!: string;

  /** The path on this site to return to. */
  @Property({ type: 'string', length: 2000 })
  nextPath!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

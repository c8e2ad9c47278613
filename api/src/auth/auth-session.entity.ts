import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  /** hex SHA-256 of the cookie token */
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash!: string;

  /** Names the session on "where you are signed in" (the token hash is never shown). */
  @Property({ type: 'uuid', defaultRaw: 'gen_random_uuid()', unique: true })
  publicId: Opt<string> = randomUUID();

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  @Index()
  person!: Rel<Person>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** When the session was last used (updated at most every few minutes), for "where you are signed in". */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  /** The browser's own description of itself when it signed in, shortened. */
  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;

  /** How this session began: PASSWORD, LINK (a sign-in link) or SSO. */
  @Property({ type: 'string', length: 20, nullable: true })
  method?: string | null;
}

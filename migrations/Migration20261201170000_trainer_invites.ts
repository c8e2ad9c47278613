import { Migration } from '@mikro-orm/migrations';

/** Mail to a session's trainers: put on a session, it changed, taken off it, it was called off (each with invites). */
export class Migration20261201170000_trainer_invites extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINER_ASSIGNED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINER_SESSION_CHANGED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINER_REMOVED';`);
    this.addSql(`alter type "mail_kind" add value if not exists 'TRAINER_SESSION_CANCELLED';`);
  }

  override async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value: rebuild the type without them, after removing their mail (its invites go with it).
    this.addSql(`delete from "outbox_message" where "kind"::text in ('TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED');`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(`create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED');`);
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }

}

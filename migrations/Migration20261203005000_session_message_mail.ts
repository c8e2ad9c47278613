import { Migration } from '@mikro-orm/migrations';

/** A coordinator's message to everyone on a session in one status has its own mail kind (it was logged as joining instructions). */
export class Migration20261203005000_session_message_mail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "mail_kind" add value if not exists 'SESSION_MESSAGE' after 'SURVEY_MANAGER_INVITATION';`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "outbox_message" set "kind" = 'JOINING_INSTRUCTIONS' where "kind"::text = 'SESSION_MESSAGE';`);
    this.addSql(`alter type "mail_kind" rename to "mail_kind_old";`);
    this.addSql(
      `create type "mail_kind" as enum ('BOOKING_CONFIRMED', 'WAITING_LIST_JOINED', 'PLACE_OFFERED', 'OFFER_EXPIRED', 'APPROVAL_REQUESTED', 'BOOKING_APPROVED', 'BOOKING_DECLINED', 'BOOKING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REMINDER', 'JOINING_INSTRUCTIONS', 'APPROVAL_PENDING', 'APPROVAL_DECIDED', 'ACCOUNT_VERIFY', 'ACCOUNT_EXISTS', 'SIGN_IN_LINK', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'REGISTRATION_APPROVED', 'REGISTRATION_REFUSED', 'ACCOUNT_INVITED', 'AGENCY_REQUEST_DECIDED', 'BOOKING_MOVED', 'TRAINER_ASSIGNED', 'TRAINER_SESSION_CHANGED', 'TRAINER_REMOVED', 'TRAINER_SESSION_CANCELLED', 'WALK_IN_ADDED', 'NON_ATTENDANCE', 'NON_ATTENDANCE_MANAGER_COPY', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'EXTERNAL_LEARNING_DECIDED', 'TRAINING_DUE', 'TRAINING_OVERDUE', 'SURVEY_INVITATION', 'SURVEY_REMINDER', 'SURVEY_MANAGER_INVITATION');`,
    );
    this.addSql(`alter table "outbox_message" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`alter table "mandatory_reminder" alter column "kind" type "mail_kind" using "kind"::text::"mail_kind";`);
    this.addSql(`drop type "mail_kind_old";`);
  }
}

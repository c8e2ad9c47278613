import { Inject, Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditAction,
  CertificateStatus,
  DomainError,
  ERASED_PERSON_NAME,
  ErrorCode,
  PersonStatus,
  erasedEmailOf,
  isUuid,
} from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { requireCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Person } from '../people/person.entity';
import { EvidenceFile } from '../records/evidence-file.entity';
import { EVIDENCE_STORE, type EvidenceStore } from '../records/evidence-store';

/** Statuses an account must have left first: erasing a live account would leave places and sign-ins behind. */
const STILL_IN_USE = [PersonStatus.ACTIVE, PersonStatus.PROVISIONAL];

/** Removed text in mail to an erased person (the row stays, so the mail log's counts do not change). */
const REMOVED_MAIL = 'Removed: the person this was sent to asked for their data to be erased.';
const REMOVED_FILE = "Removed at the holder's request";

/**
 * Erasure (UK GDPR article 17), by a coordinator, with a reason. The person's row stays, without identity, so
 * every booking, mark, outcome, charge and survey answer still counts exactly as before in every list and
 * report: name and email replaced, profile, needs and secrets cleared, their bookings' needs and notes about
 * them cleared, mail bodies to them removed, certificates REMOVED (verification says so), evidence files
 * emptied, calendar feed, requests to be told of new dates, sign-ins and links gone. One transaction; the audit entry names them only as
 * erased. The audit log is append-only, so earlier entries keep the name they were written with (the
 * log's purpose, accountability, is a lawful reason to keep it).
 */
@Injectable()
export class PersonErasureService {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(EVIDENCE_STORE) private readonly evidence: EvidenceStore,
  ) {}

  async erase(viewer: Viewer | undefined, personId: string, reason: string): Promise<void> {
    requireCoordinator(viewer);
    const why = reason.trim();
    if (!why) {
      const message = 'Enter why their data is being erased (for example, the date of their request)';
      throw new DomainError(ErrorCode.BadUserInput, message, [{ field: 'reason', message }]);
    }
    const now = this.clock.now();
    const files = await this.em.fork().transactional(async (em) => {
      const person = isUuid(personId) ? await em.findOne(Person, personId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!person) {
        throw new DomainError(ErrorCode.NotFound, 'There is no person with that id.');
      }
      if (person.id === viewer.id) {
        throw new DomainError(ErrorCode.NotAllowed, 'You cannot erase your own account: ask another coordinator.');
      }
      if (person.status === PersonStatus.ERASED) {
        throw new DomainError(ErrorCode.InvalidTransition, 'This person’s data has already been erased.');
      }
      if (STILL_IN_USE.includes(person.status)) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `Deactivate ${person.name}’s account first: that cancels their places on sessions to come and signs them out. Then erase it.`,
        );
      }
      return this.eraseIn(em, person, viewer, why, now);
    });
    await this.discard(files);
  }

  /**
   * Erases `person` in the caller's transaction (the person's row locked by the caller), as `actor` (null: the
   * system, for retention), with `reason` in the audit log; answers the evidence files kept outside PostgreSQL,
   * for `discard` once the transaction has committed.
   */
  async eraseIn(em: EntityManager, person: Person, actor: Viewer | null, reason: string, now: Date): Promise<EvidenceFile[]> {
    const email = person.email.toLowerCase();
    const id = person.id;
    const sql = (text: string, params: unknown[] = [id]) => em.execute(text, params);
    await sql(
      `update person set name = ?, email = ?, status = 'ERASED', job_title = null, team = null, line_manager_email = null,
           access_needs = null, dietary_needs = null, password_hash = null, sso_subject = null where id = ?`,
      [ERASED_PERSON_NAME, erasedEmailOf(id), id],
    );
    await sql(`update booking set access_needs = null, dietary_needs = null, manager_email = null where person_id = ?`);
    await sql(`update attendance_event set note = null where booking_id in (select id from booking where person_id = ?)`);
    await sql(`update survey_invitation set draft = null, action_plan_text = null, manager_email = null where person_id = ?`);
    await sql(
      `update outbox_message set to_email = ?, to_name = ?, subject = ?, text = ?, html = ? where person_id = ? or lower(to_email) = ?`,
      [erasedEmailOf(id), ERASED_PERSON_NAME, REMOVED_MAIL, REMOVED_MAIL, `<p>${REMOVED_MAIL}</p>`, id, email],
    );
    await sql(
      `update outbox_message set status = 'CANCELLED', last_error = 'Erased before it was sent' where to_email = ? and status = 'PENDING'`,
      [erasedEmailOf(id)],
    );
    await sql(`update certificate set status = ?, holder_name = ? where person_id = ?`, [
      CertificateStatus.REMOVED,
      ERASED_PERSON_NAME,
      id,
    ]);
    await sql(`update register_sign_off set signed_by_name = ? where signed_by_id = ?`, [ERASED_PERSON_NAME, id]);
    const evidenceIds = (await sql(`select evidence_id from external_learning where person_id = ?`)) as { evidence_id: string }[];
    const evidence = evidenceIds.length ? await em.find(EvidenceFile, { id: { $in: evidenceIds.map((r) => r.evidence_id) } }) : [];
    await sql(
      `update evidence_file set file_name = ?, content = null, size_bytes = 0 where id in (select evidence_id from external_learning where person_id = ?)`,
      [REMOVED_FILE, id],
    );
    for (const table of ['auth_session', 'account_token', 'calendar_feed', 'course_interest']) {
      await sql(`delete from ${table} where person_id = ?`);
    }
    AuditLog.record(em, actor, {
      action: AuditAction.PERSON_ERASED,
      at: now,
      subject: { type: 'person', id },
      subjectPerson: { id, name: ERASED_PERSON_NAME },
      reason,
    });
    await em.flush();
    return evidence.filter((f) => f.storedIn === 'FOLDER' && this.evidence.kind === 'FOLDER');
  }

  /** Files kept outside PostgreSQL go once the erasure has committed (a failure is logged, never undoes it). */
  async discard(files: readonly EvidenceFile[]): Promise<void> {
    for (const file of files) {
      await this.evidence.discard(file).catch((e: unknown) => this.logger.error(`Could not remove evidence file ${file.id}: ${String(e)}`));
    }
  }
}

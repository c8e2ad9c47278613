import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AgencyRequestStatus,
  AuditAction,
  BookingStatus,
  DomainError,
  ErrorCode,
  LIVE_STATUSES,
  PersonStatus,
  holdsPlace,
} from '@lh/domain';
import { requireCoordinator } from '../common/access';
import { AuditLog } from '../audit/audit-log';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { AccountToken } from '../auth/account-token.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Booking } from '../booking/booking.entity';
import { BookingEvent } from '../booking/booking-event.entity';
import { BookingChanges } from '../booking/booking-changes';
import { BookingRepository } from '../booking/booking.repository';
import { WaitingListService } from '../booking/waiting-list.service';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { AgencyRequest } from './agency-request.entity';
import { lockCoordinators } from './coordinator-guard';
import { Person } from './person.entity';
import { PeopleAdminService, personNotFound } from './people-admin.service';
import type { AdminPersonType } from './people-admin.types';
import { PersonSummaryType } from './people-admin.types';
import type { MergeDuplicateBookingType, MergePreviewType } from './person-merge.types';

/** The better of two live bookings on one session: a place held beats a queue; then the kept account's. */
const RANK: Record<string, number> = {
  [BookingStatus.CONFIRMED]: 4,
  [BookingStatus.OFFERED]: 3,
  [BookingStatus.PENDING_APPROVAL]: 2,
  [BookingStatus.WAITLISTED]: 1,
};

interface Plan {
  keep: Person;
  away: Person;
  preview: MergePreviewType;
  /** The losing booking of each pair on the same session. */
  cancel: Booking[];
}

/**
 * Two accounts of one person become one: everything the merged-away account has (bookings with their
 * history, its actions in others' history, signed-in sessions and links, calendar feed, trainer
 * assignments, mail log) moves to the kept account, roles are the union, and the merged-away account
 * is removed, so it cannot sign in. Where both have a live booking on the same session one is kept and
 * the other cancelled. One transaction: all of it happens, or none.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly waitingList: WaitingListService,
    private readonly people: PeopleAdminService,
    private readonly clock: Clock,
  ) {}

  async preview(viewer: Viewer, keepId: string, mergeId: string): Promise<MergePreviewType> {
    requireCoordinator(viewer);
    return (await this.plan(this.em.fork(), keepId, mergeId)).preview;
  }

  async merge(viewer: Viewer, keepId: string, mergeId: string, now = this.clock.now()): Promise<AdminPersonType> {
    requireCoordinator(viewer);
    await this.em.fork().transactional(async (em) => {
      await lockCoordinators(em);
      await em.execute('select id from person where id in (?, ?) order by id for update', [keepId, mergeId]);
      const { keep, away, preview, cancel } = await this.plan(em, keepId, mergeId);
      const actor = this.changes.actor(em, viewer);
      for (const loser of cancel) {
        const session = await this.repo.lockSession(em, loser.session.id);
        const booking = await this.repo.reloadUnderLock(em, loser.id, session);
        const from = booking.status;
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = now;
        booking.offerExpiresAt = null;
        booking.approvalExpiresAt = null;
        const reason = `A second booking for this session under another account of the same person (${keep.email}), which keeps its place.`;
        await this.changes.changed(
          em,
          booking,
          { action: from === BookingStatus.WAITLISTED ? 'left-waiting-list' : 'cancelled', from, actor, reason, at: now },
          { reason, silent: true },
        );
        if (holdsPlace(from)) {
          await this.waitingList.fillFreedPlaces(em, session, now);
        }
      }
      await em.flush();
      const [k, a] = [keep.id, away.id];
      // a client's request key is unique per person: keep the kept account's where both used one
      await em.execute(
        `update booking set idempotency_key = null where person_id = ? and idempotency_key in (select idempotency_key from booking where person_id = ? and idempotency_key is not null)`,
        [a, k],
      );
      await em.nativeUpdate(Booking, { person: a }, { person: k });
      await em.nativeUpdate(BookingEvent, { actor: a }, { actor: k });
      // requests to join or move agency: the kept account keeps its own pending one, the other's pending one ends
      await em.nativeUpdate(AgencyRequest, { decidedBy: a }, { decidedBy: k });
      if (await em.count(AgencyRequest, { person: k, status: AgencyRequestStatus.PENDING })) {
        await em.nativeUpdate(
          AgencyRequest,
          { person: a, status: AgencyRequestStatus.PENDING },
          { status: AgencyRequestStatus.REFUSED, decidedAt: now },
        );
      }
      await em.nativeUpdate(AgencyRequest, { person: a }, { person: k });
      await em.nativeUpdate(AuthSession, { person: a }, { person: k });
      await em.nativeUpdate(AccountToken, { person: a, usedAt: null }, { usedAt: now });
      await em.nativeUpdate(AccountToken, { person: a }, { person: k });
      await em.nativeUpdate(OutboxMessage, { personId: a }, { personId: k });
      if (await em.count(CalendarFeed, { person: k })) {
        await em.nativeDelete(CalendarFeed, { person: a });
      } else {
        await em.nativeUpdate(CalendarFeed, { person: a }, { person: k });
      }
      await em.execute(
        `insert into session_trainer (session_id, person_id) select session_id, ? from session_trainer where person_id = ? on conflict do nothing`,
        [k, a],
      );
      await em.execute(`delete from session_trainer where person_id = ?`, [a]);
      // check-in requests: one per person and part, the kept account's own wins
      await em.execute(
        `update check_in_request r set person_id = ? where person_id = ? and not exists (select 1 from check_in_request k where k.person_id = ? and k.part_id = r.part_id)`,
        [k, a, k],
      );
      await em.execute(`update check_in_request set decided_by_id = ? where decided_by_id = ?`, [k, a]);
      // what registers and non-attendance recorded about the merged account, or as done by it, follow it (not cascaded away)
      for (const [table, column] of [
        ['attendance_outcome', 'person_id'],
        ['attendance_event', 'actor_id'],
        ['register_sign_off', 'signed_by_id'],
        ['non_attendance_charge', 'person_id'],
        ['non_attendance_charge', 'status_changed_by_id'],
        ['non_attendance_policy', 'updated_by_id'],
        ['training_completion', 'person_id'],
        ['certificate', 'person_id'],
      ] as const) {
        await em.execute(`update ${table} set ${column} = ? where ${column} = ?`, [k, a]);
      }

      const hash = (await em.findOneOrFail(Person, a, { populate: ['passwordHash'], fields: ['passwordHash'] })).passwordHash;
      await em.populate(keep, ['passwordHash']);
      AuditLog.record(em, viewer, {
        action: AuditAction.PEOPLE_MERGED,
        at: now,
        subject: { type: 'person', id: keep.id },
        subjectPerson: { id: keep.id, name: keep.name },
        before: { kept: `${keep.name} (${keep.email})`, merged: `${away.name} (${away.email})`, roles: [...keep.roles] },
        after: { kept: `${keep.name} (${keep.email})`, roles: [...preview.rolesAfter] },
      });
      keep.roles = preview.rolesAfter;
      keep.status = preview.statusAfter;
      keep.passwordHash ??= hash ?? null;
      keep.jobTitle ??= away.jobTitle;
      keep.team ??= away.team ?? null;
      keep.agency ??= away.agency;
      keep.lineManagerEmail ??= away.lineManagerEmail ?? null;
      keep.emailVerifiedAt ??= away.emailVerifiedAt ?? null;
      keep.accessNeeds ??= away.accessNeeds ?? null;
      keep.dietaryNeeds ??= away.dietaryNeeds ?? null;
      // the single sign-on identity is unique: free it from the other account, then keep it
      const ssoSubject = keep.ssoSubject ?? away.ssoSubject ?? null;
      await em.nativeUpdate(Person, { id: a }, { ssoSubject: null });
      keep.ssoSubject = ssoSubject;
      await em.flush();
      await em.nativeDelete(Person, { id: a });
    });
    return this.people.person(viewer, keepId, now);
  }

  private async plan(em: EntityManager, keepId: string, mergeId: string): Promise<Plan> {
    if (keepId === mergeId) {
      throw new DomainError(ErrorCode.BadUserInput, 'You cannot merge an account into itself: choose the other account of this person.', [
        { field: 'mergeId', message: 'Choose a different account from the one you keep' },
      ]);
    }
    // one query at a time: inside the merge this is the transaction's one connection
    const keep = await em.findOne(Person, keepId, { populate: ['agency'], refresh: true });
    const away = await em.findOne(Person, mergeId, { populate: ['agency'], refresh: true });
    if (!keep || !away) {
      throw personNotFound();
    }
    const live = await em.find(
      Booking,
      { person: { $in: [keep.id, away.id] }, status: { $in: [...LIVE_STATUSES] } },
      { populate: ['session.course', 'person'] },
    );
    const duplicates: MergeDuplicateBookingType[] = [];
    const cancel: Booking[] = [];
    for (const ours of live.filter((b) => b.person.id === keep.id)) {
      const theirs = live.find((b) => b.person.id === away.id && b.session.id === ours.session.id);
      if (!theirs) {
        continue;
      }
      const [winner, loser] = (RANK[theirs.status] ?? 0) > (RANK[ours.status] ?? 0) ? [theirs, ours] : [ours, theirs];
      cancel.push(loser);
      duplicates.push({
        courseTitle: ours.session.course.title,
        startsAt: ours.session.startsAt,
        keptStatus: winner.status,
        cancelledStatus: loser.status,
        keptFrom: winner.person.email,
      });
    }
    const bookingsMoved = await em.count(Booking, { person: away.id });
    const actionsMoved = await em.count(BookingEvent, { actor: away.id });
    const signedInSessionsMoved = await em.count(AuthSession, { person: away.id });
    const feeds = await em.find(CalendarFeed, { person: { $in: [keep.id, away.id] } });
    const trainer = await em.execute<{ n: number }[]>('select count(*)::int as n from session_trainer where person_id = ?', [away.id]);
    const rolesAfter = [...new Set([...keep.roles, ...away.roles])];
    const statusAfter = keep.status === PersonStatus.ACTIVE || away.status === PersonStatus.ACTIVE ? PersonStatus.ACTIVE : keep.status;
    const notes = [
      `${away.email} will be removed: nobody can sign in with it afterwards. Whoever is signed in with it stays signed in, as ${keep.email}.`,
    ];
    const awayFeed = feeds.find((f) => f.person.id === away.id);
    const keepFeed = feeds.find((f) => f.person.id === keep.id);
    if (awayFeed && keepFeed) {
      notes.push(
        `Both accounts have a calendar feed: ${keep.email}'s keeps working and now lists every booking; the other feed address stops working.`,
      );
    } else if (awayFeed) {
      notes.push(`The calendar feed of ${away.email} moves to ${keep.email}: its address keeps working.`);
    }
    if (statusAfter !== keep.status) {
      notes.push(`${keep.email} becomes active, because ${away.email} was.`);
    }
    return {
      keep,
      away,
      cancel,
      preview: {
        keep: PersonSummaryType.from(keep),
        mergeAway: PersonSummaryType.from(away),
        bookingsMoved,
        actionsMoved,
        signedInSessionsMoved,
        trainerAssignmentsMoved: trainer[0]?.n ?? 0,
        duplicates,
        rolesAfter,
        statusAfter,
        notes,
      },
    };
  }
}

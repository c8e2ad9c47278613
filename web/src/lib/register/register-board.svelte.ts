// The register as the page shows it where JavaScript runs: the server's marks, the marks waiting on the
// device over them (shown at once), conflicts to decide, problems per person, and what to announce.
import { SvelteMap } from 'svelte/reactivity';
import { registerCounts, type AttendanceMark } from '@lh/domain';
import type { RegisterEntryFieldsFragment } from '@lh/graphql-client';
import { MarkQueue, waitingValues, type QueuedChange, type QueuedMark, type QueueStatus, type Settled } from './offline-queue';
import { markedSentence, markRequestProblems, people, type MarkValue } from './register-text';

export type Entry = RegisterEntryFieldsFragment;
export type Problem = { field: string | null; message: string };

/** A mark another device made first: theirs is on the register, yours waits for the trainer to choose. */
export interface Conflict {
  sentence: string;
  theirs: Entry;
  yours: MarkValue & { reason: string | null };
}

/** What a person's mark form asks for. */
export interface MarkRequest extends MarkValue {
  reason: string | null;
  /** The minutes as typed, when they are not a whole number. */
  unreadableMinutes?: boolean;
}

export interface BoardPart {
  partId: string;
  startsAt: string;
  endsAt: string;
  /** Changes now are corrections, each with a reason. */
  changesNeedReason: boolean;
  /** The form actions: `<page>?/mark`, `<page>?/markAll`. */
  markUrl: string;
  markAllUrl: string;
}

export class RegisterBoard {
  /** The register as the server last told us, by booking. */
  readonly server = new SvelteMap<string, Entry>();
  readonly conflicts = new SvelteMap<string, Conflict>();
  readonly problems = new SvelteMap<string, Problem[]>();
  /** Problems with the whole register (mark everyone refused). */
  pageProblems = $state<Problem[]>([]);
  waiting = $state.raw<readonly QueuedChange[]>([]);
  status = $state<QueueStatus>({ waiting: 0, offline: false, signInNeeded: false });
  announcement = $state('');
  /** Whether marks are being kept on the device and sent by script (false until the page's script has started). */
  live = $state(false);
  private queue: MarkQueue | null = null;

  constructor(
    private part: BoardPart,
    entries: Entry[],
  ) {
    this.reset(part, entries);
  }

  /** The server's register, afresh (after a reload of the page's data). */
  reset(part: BoardPart, entries: Entry[]): void {
    this.part = part;
    const known = Object.fromEntries(this.server);
    this.server.clear();
    for (const e of entries) {
      // a mark answered while this copy was on its way is newer than the copy
      const mine = known[e.bookingId];
      this.server.set(e.bookingId, mine?.markedAt && (!e.markedAt || mine.markedAt > e.markedAt) ? mine : e);
    }
  }

  attach(queue: MarkQueue): void {
    this.queue = queue;
    this.live = true;
  }

  /** The value waiting on the device for each person of this part (the latest change for them). */
  readonly pending = $derived.by(() => waitingValues(this.waiting, this.part.partId));

  /** What the page shows for a person: the mark waiting on the device, else the server's. */
  shown(bookingId: string): MarkValue {
    const e = this.server.get(bookingId)!;
    return this.pending.get(bookingId) ?? { mark: e.mark, minutes: e.minutes, note: e.note };
  }

  readonly counts = $derived.by(() => registerCounts([...this.server.keys()].map((id) => this.shown(id).mark as AttendanceMark | null)));

  /** Marks waiting for this part. */
  readonly waitingHere = $derived(this.waiting.filter((c) => c.partId === this.part.partId).length);

  /** Checks a mark as the server would (so a mark made offline is refused at once), then keeps it and sends it. */
  async mark(bookingId: string, request: MarkRequest): Promise<boolean> {
    const entry = this.server.get(bookingId);
    if (!entry || !this.queue) {
      return false;
    }
    const problems: Problem[] = markRequestProblems(bookingId, request, this.part, this.part.changesNeedReason);
    if (problems.length) {
      this.problems.set(bookingId, problems);
      this.announce(`${entry.name}: ${problems.map((p) => p.message).join('. ')}`);
      return false;
    }
    const afterPrevious = this.queue.hasWaitingFor(bookingId);
    const change: QueuedMark = {
      kind: 'mark',
      url: this.part.markUrl,
      partId: this.part.partId,
      bookingId,
      name: entry.name,
      clientId: crypto.randomUUID(),
      mark: request.mark,
      minutes: request.minutes,
      note: request.note,
      reason: request.reason,
      basedOnEventId: afterPrevious ? null : entry.eventId,
      afterPrevious,
    };
    await this.queue.add(change);
    // only once the change is queued (and shows as waiting), so the row never looks settled while it is not
    this.problems.delete(bookingId);
    this.conflicts.delete(bookingId);
    this.announce(`${markedSentence(entry.name, request)}${this.status.offline ? ': waiting to be sent' : ''}`);
    return true;
  }

  /** Everyone unmarked with nothing waiting for them becomes present, on this device at once. */
  async markAll(): Promise<number> {
    if (!this.queue) {
      return 0;
    }
    const basedOn: Record<string, string | null> = {};
    for (const [id, e] of this.server) {
      if (!e.mark && !this.queue.hasWaitingFor(id)) {
        basedOn[id] = e.eventId;
      }
    }
    const n = Object.keys(basedOn).length;
    await this.queue.add({ kind: 'markAll', url: this.part.markAllUrl, partId: this.part.partId, clientId: crypto.randomUUID(), basedOn });
    this.announce(`${people(n)} marked present`);
    return n;
  }

  /** Keeps the other device's mark. */
  keepTheirs(bookingId: string): void {
    const conflict = this.conflicts.get(bookingId);
    this.conflicts.delete(bookingId);
    if (conflict) {
      this.announce(`${conflict.theirs.name}: their mark kept`);
    }
  }

  /** Applies this device's mark on top of the other device's. */
  async applyYours(bookingId: string): Promise<void> {
    const conflict = this.conflicts.get(bookingId);
    if (conflict) {
      this.server.set(bookingId, conflict.theirs);
      await this.mark(bookingId, conflict.yours);
    }
  }

  /** The server answered one of the device's changes. */
  settled(change: QueuedChange, outcome: Settled): void {
    if (change.partId !== this.part.partId) {
      return;
    }
    switch (outcome.kind) {
      case 'applied':
        for (const e of outcome.entries) {
          this.server.set(e.bookingId, e);
        }
        return;
      case 'conflict': {
        const yours = outcome.yours;
        this.server.set(outcome.entry.bookingId, outcome.entry);
        this.conflicts.set(outcome.entry.bookingId, {
          sentence: outcome.sentence,
          theirs: outcome.entry,
          yours: { mark: yours.mark, minutes: yours.minutes, note: yours.note, reason: yours.reason },
        });
        this.announce(outcome.sentence);
        return;
      }
      case 'refused':
        if (change.kind === 'mark') {
          this.problems.set(change.bookingId, outcome.problems);
          this.announce(`${change.name}: ${outcome.problems.map((p) => p.message).join(' ')}`);
        } else {
          this.pageProblems = outcome.problems.map((p) => ({ field: null, message: p.message }));
          this.announce(outcome.problems.map((p) => p.message).join(' '));
        }
        return;
    }
  }

  /** Sets the live region's message (cleared first, so the same words twice are announced twice). */
  announce(message: string): void {
    this.announcement = '';
    setTimeout(() => {
      this.announcement = message;
    }, 50);
  }
}

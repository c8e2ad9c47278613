// The register's marks on their way to the server, kept on the device (IndexedDB) until the server has
// answered, so marks made while the connection is down are sent when it is back, in the order they were
// made, and survive a reload. Each goes to the page's own form action, exactly as a form post would.
import type { RegisterEntryFieldsFragment } from '@lh/graphql-client';
import type { MarkValue } from './register-text';

type Entry = RegisterEntryFieldsFragment;

/** One person's mark (or a correction) waiting to be sent. */
export interface QueuedMark extends MarkValue {
  kind: 'mark';
  /** The order it was made in (the store's key). */
  seq?: number;
  /** The form action it goes to: `/your-sessions/<session>/register/<part>?/mark`. */
  url: string;
  partId: string;
  bookingId: string;
  /** The person's name, for what the page says about it. */
  name: string;
  clientId: string;
  reason: string | null;
  /** The current mark's event this mark was made on (null: none). Unused while `afterPrevious`. */
  basedOnEventId: string | null;
  /**
   * Made while an earlier change for this person was still waiting: it is based on the event that one
   * comes to, filled in when the server has answered it.
   */
  afterPrevious: boolean;
}

/** "Mark everyone not yet marked as present", waiting to be sent. */
export interface QueuedMarkAll {
  kind: 'markAll';
  seq?: number;
  url: string;
  partId: string;
  clientId: string;
  /** The people it marks on this device (everyone unmarked with nothing waiting), with the event each was seen at. */
  basedOn: Record<string, string | null>;
}

export type QueuedChange = QueuedMark | QueuedMarkAll;

/** What the server made of a change. */
export type Settled =
  | { kind: 'applied'; entries: Entry[] }
  /** Someone else changed the person first: nothing was applied; `yours` is the last value this device wanted. */
  | { kind: 'conflict'; entry: Entry; sentence: string; yours: QueuedMark }
  /** Refused (closed, signed off, bad minutes, ...), in the server's words. */
  | { kind: 'refused'; problems: { field: string | null; message: string }[] };

export interface QueueStatus {
  /** Changes not yet answered by the server. */
  waiting: number;
  /** The last attempt could not reach the server. */
  offline: boolean;
  /** The server wants the person to sign in again before it takes more. */
  signInNeeded: boolean;
}

export interface QueueListener {
  changed(items: readonly QueuedChange[], status: QueueStatus): void;
  settled(change: QueuedChange, outcome: Settled): void;
  /** Everything waiting has now been answered; `afterWaiting` when some of it had to wait for the connection. */
  drained(afterWaiting: boolean): void;
}

/** A SvelteKit form action's answer, as `deserialize` from `$app/forms` gives it. */
export type ActionAnswer =
  | { type: 'success'; status: number; data?: Record<string, unknown> }
  | { type: 'failure'; status: number; data?: Record<string, unknown> }
  | { type: 'redirect'; status: number; location: string }
  | { type: 'error'; status?: number; error: unknown };

/** Posts a form to an action; throws (TypeError) when the network is down. */
export type Poster = (url: string, body: FormData) => Promise<ActionAnswer>;

export interface QueueStore {
  all(): Promise<QueuedChange[]>;
  add(change: QueuedChange): Promise<number>;
  put(change: QueuedChange): Promise<void>;
  remove(seq: number): Promise<void>;
}

/** The device's queue in IndexedDB; in memory where IndexedDB is missing (some private windows). */
export async function openQueueStore(): Promise<QueueStore> {
  try {
    const { openDB } = await import('idb');
    const db = await openDB('learning-hub-register', 1, {
      upgrade(database) {
        database.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
      },
    });
    return {
      all: () => db.getAll('changes') as Promise<QueuedChange[]>,
      add: async (change) => Number(await db.add('changes', withoutSeq(change))),
      put: async (change) => void (await db.put('changes', change)),
      remove: (seq) => db.delete('changes', seq),
    };
  } catch {
    return memoryStore();
  }
}

function withoutSeq(change: QueuedChange): QueuedChange {
  const copy = { ...change };
  delete copy.seq;
  return copy;
}

export function memoryStore(): QueueStore {
  let next = 1;
  const rows = new Map<number, QueuedChange>();
  return {
    all: async () => [...rows.values()].sort((a, b) => a.seq! - b.seq!).map((c) => ({ ...c })),
    add: async (change) => {
      const seq = next++;
      rows.set(seq, { ...change, seq });
      return seq;
    },
    put: async (change) => void rows.set(change.seq!, { ...change }),
    remove: async (seq) => void rows.delete(seq),
  };
}

/** The form a change is posted as: the same fields the page's forms send. */
export function formOf(change: QueuedChange): FormData {
  const form = new FormData();
  form.set('clientId', change.clientId);
  if (change.kind === 'markAll') {
    return form;
  }
  form.set('bookingId', change.bookingId);
  form.set('basedOnEventId', change.basedOnEventId ?? '');
  form.set('mark', change.mark ?? 'NONE');
  form.set('minutes', change.minutes == null ? '' : String(change.minutes));
  form.set('note', change.note ?? '');
  if (change.reason) {
    form.set('reason', change.reason);
  }
  return form;
}

const affects = (change: QueuedChange, bookingId: string) =>
  change.kind === 'mark' ? change.bookingId === bookingId : bookingId in change.basedOn;

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Sends waiting changes one at a time, oldest first; stops at the first that cannot reach the server and
 * tries again after a while (2 s, doubling to 30 s) or as soon as the browser says it is online again.
 */
export class MarkQueue {
  private items: QueuedChange[] = [];
  private offline = false;
  /** Something had to wait since the queue last drained. */
  private waited = false;
  private signInNeeded = false;
  private flushing: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = FIRST_RETRY_MS;
  private readonly onOnline = () => {
    this.signInNeeded = false;
    void this.flush();
  };

  constructor(
    private readonly store: QueueStore,
    private readonly post: Poster,
    private readonly listener: QueueListener,
    private readonly retry = { firstMs: FIRST_RETRY_MS, longestMs: LONGEST_RETRY_MS },
  ) {
    this.retryMs = retry.firstMs;
  }

  /** Reads what an earlier visit left waiting and starts sending it. */
  async start(): Promise<void> {
    this.items = await this.store.all();
    this.waited = this.items.length > 0;
    globalThis.addEventListener?.('online', this.onOnline);
    this.notify();
    await this.flush();
  }

  stop(): void {
    this.stopped = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.timer) {
      clearTimeout(this.timer);
    }
  }

  get waiting(): readonly QueuedChange[] {
    return this.items;
  }

  /** Whether a change for this person is still waiting (a new mark for them is then made on its result). */
  hasWaitingFor(bookingId: string): boolean {
    return this.items.some((i) => affects(i, bookingId));
  }

  /** Keeps the change on the device, then sends it (now, or when the connection is back). */
  async add(change: QueuedChange): Promise<void> {
    const seq = await this.store.add(change);
    this.items.push({ ...change, seq });
    this.notify();
    void this.flush();
  }

  /**
   * Sends everything waiting, in order. One flush at a time: a call while one runs makes it go round once
   * more when it ends (the network may have come back meanwhile), and waits for that.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.sendAll();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendAll(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    let sent = 0;
    while (this.items.length && !this.signInNeeded) {
      const change = this.items[0]!;
      let answer: ActionAnswer;
      try {
        answer = await this.post(change.url, formOf(change));
      } catch {
        this.offline = true;
        this.waited = true;
        this.later();
        return;
      }
      this.offline = false;
      if (answer.type === 'redirect') {
        // the only redirect an action answers a script with is to sign in again: keep everything until then
        this.signInNeeded = /\/sign-in/.test(answer.location);
        if (!this.signInNeeded) {
          this.later();
        }
        this.notify();
        return;
      }
      if (answer.type === 'error' || (answer.type === 'failure' && answer.status >= 500)) {
        this.waited = true;
        this.later();
        return;
      }
      await this.settle(change, answer);
      sent++;
    }
    this.retryMs = this.retry.firstMs;
    this.notify();
    if (sent && !this.items.length) {
      this.listener.drained(this.waited);
      this.waited = false;
    }
  }

  private async settle(change: QueuedChange, answer: Extract<ActionAnswer, { type: 'success' | 'failure' }>): Promise<void> {
    await this.store.remove(change.seq!);
    this.items.shift();
    const outcome = await this.outcomeOf(change, answer);
    // the next change waiting for each person affected is now made on what this one came to (after a
    // conflict none is left waiting: they were held back with it)
    const known = new Map<string, string | null>(outcome.kind === 'applied' ? outcome.entries.map((e) => [e.bookingId, e.eventId]) : []);
    const people = change.kind === 'mark' ? [change.bookingId] : Object.keys(change.basedOn);
    for (const bookingId of people) {
      const next = this.items.find((i): i is QueuedMark => i.kind === 'mark' && i.bookingId === bookingId && i.afterPrevious);
      if (next) {
        next.basedOnEventId = known.has(bookingId)
          ? known.get(bookingId)!
          : change.kind === 'mark'
            ? change.basedOnEventId
            : (change.basedOn[bookingId] ?? null);
        next.afterPrevious = false;
        await this.store.put(next);
      }
    }
    this.listener.settled(change, outcome);
    this.notify();
  }

  private async outcomeOf(change: QueuedChange, answer: Extract<ActionAnswer, { type: 'success' | 'failure' }>): Promise<Settled> {
    if (answer.type === 'failure') {
      const errors = (answer.data?.errors as { field: string | null; message: string }[] | undefined) ?? [];
      return { kind: 'refused', problems: errors.length ? errors : [{ field: null, message: 'The mark could not be saved.' }] };
    }
    if (change.kind === 'markAll') {
      const entries = (answer.data?.register as { entries: Entry[] } | undefined)?.entries ?? [];
      return { kind: 'applied', entries };
    }
    const result = answer.data?.result as { applied: boolean; conflict: string | null; entry: Entry };
    if (result.applied) {
      return { kind: 'applied', entries: [result.entry] };
    }
    // someone else got there first: this device's later marks for the person are held back with it, and the
    // person decides (the last of them is what this device wanted)
    const held = this.items.filter((i): i is QueuedMark => i.kind === 'mark' && i.bookingId === change.bookingId);
    for (const h of held) {
      await this.store.remove(h.seq!);
    }
    this.items = this.items.filter((i) => !held.includes(i as QueuedMark));
    return {
      kind: 'conflict',
      entry: result.entry,
      sentence: result.conflict ?? 'Someone else changed this mark.',
      yours: held.at(-1) ?? change,
    };
  }

  private later(): void {
    this.notify();
    if (this.timer) {
      clearTimeout(this.timer);
    }
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => void this.flush(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, this.retry.longestMs);
  }

  private notify(): void {
    this.listener.changed([...this.items], { waiting: this.items.length, offline: this.offline, signInNeeded: this.signInNeeded });
  }
}

/** The value waiting on the device for each person of one part: the latest change for them. */
export function waitingValues(changes: readonly QueuedChange[], partId: string): Map<string, MarkValue> {
  const out = new Map<string, MarkValue>();
  for (const change of changes) {
    if (change.partId !== partId) {
      continue;
    }
    if (change.kind === 'mark') {
      out.set(change.bookingId, { mark: change.mark, minutes: change.minutes, note: change.note });
    } else {
      for (const id of Object.keys(change.basedOn)) {
        out.set(id, { mark: 'PRESENT', minutes: null, note: null });
      }
    }
  }
  return out;
}

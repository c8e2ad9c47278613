import type { RegisterEntryFieldsFragment } from '@lh/graphql-client';
import {
  MarkQueue,
  memoryStore,
  type ActionAnswer,
  type QueuedChange,
  type QueuedMark,
  type QueueListener,
  type QueueStatus,
  type Settled,
} from './offline-queue';

const URL_ = '/your-sessions/s/register/p?/mark';
const entry = (bookingId: string, over: Partial<RegisterEntryFieldsFragment> = {}): RegisterEntryFieldsFragment => ({
  bookingId,
  name: bookingId,
  agencyName: null,
  walkIn: false,
  accessNeeds: null,
  dietaryNeeds: null,
  mark: 'PRESENT',
  minutes: null,
  note: null,
  eventId: `event-${bookingId}`,
  markedAt: '2026-03-03T09:20:00Z',
  markedByName: 'Tom Hale',
  source: 'TRAINER',
  ...over,
});
let n = 0;
const aMark = (bookingId: string, over: Partial<QueuedMark> = {}): QueuedMark => ({
  kind: 'mark',
  url: URL_,
  partId: 'p',
  bookingId,
  name: bookingId,
  clientId: `client-${++n}`,
  mark: 'PRESENT',
  minutes: null,
  note: null,
  reason: null,
  basedOnEventId: null,
  afterPrevious: false,
  ...over,
});

/** A server that answers each post with `answer(form)`, recording what it was sent; `down` makes the network fail. */
function aServer(answer: (form: FormData) => ActionAnswer) {
  const sent: Record<string, string>[] = [];
  const server = {
    down: false,
    sent,
    post: async (_url: string, form: FormData): Promise<ActionAnswer> => {
      if (server.down) {
        throw new TypeError('Failed to fetch');
      }
      sent.push(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
      return answer(form);
    },
  };
  return server;
}
const applied = (form: FormData, eventId = `event-${String(form.get('clientId'))}`): ActionAnswer => ({
  type: 'success',
  status: 200,
  data: { result: { applied: true, conflict: null, entry: entry(String(form.get('bookingId')), { eventId }) } },
});

function aListener() {
  const log = { statuses: [] as QueueStatus[], settled: [] as [QueuedChange, Settled][], drained: [] as boolean[] };
  const listener: QueueListener = {
    changed: (_items, status) => log.statuses.push(status),
    settled: (change, outcome) => log.settled.push([change, outcome]),
    drained: (afterWaiting) => log.drained.push(afterWaiting),
  };
  return { log, listener, last: () => log.statuses.at(-1)! };
}

const NO_RETRY = { firstMs: 60_000, longestMs: 60_000 };
const queues: MarkQueue[] = [];
afterEach(() => queues.splice(0).forEach((q) => q.stop()));
const aQueue = (...args: ConstructorParameters<typeof MarkQueue>) => {
  const q = new MarkQueue(...args);
  queues.push(q);
  return q;
};

describe('the register’s queue of marks on the device', () => {
  it('keeps marks made offline, says how many wait, and sends them in order when the connection is back', async () => {
    const server = aServer((f) => applied(f));
    const { log, listener, last } = aListener();
    const store = memoryStore();
    const queue = aQueue(store, server.post, listener, NO_RETRY);
    await queue.start();
    server.down = true;
    await queue.add(aMark('ann'));
    await queue.add(aMark('ben', { mark: 'LATE', minutes: 10 }));
    await queue.flush();
    expect(last()).toEqual({ waiting: 2, offline: true, signInNeeded: false });
    expect(server.sent).toHaveLength(0);
    // a reload: a new queue on the same device finds them
    queue.stop();
    server.down = false;
    const again = aQueue(store, server.post, listener, NO_RETRY);
    await again.start();
    expect(server.sent.map((s) => [s.bookingId, s.mark, s.minutes])).toEqual([
      ['ann', 'PRESENT', ''],
      ['ben', 'LATE', '10'],
    ]);
    expect(last()).toEqual({ waiting: 0, offline: false, signInNeeded: false });
    expect(log.settled.map(([c, o]) => [(c as QueuedMark).bookingId, o.kind])).toEqual([
      ['ann', 'applied'],
      ['ben', 'applied'],
    ]);
    expect(log.drained).toEqual([true]); // after waiting: the page then reads the register afresh
    expect(await store.all()).toEqual([]);
    again.stop();
  });

  it('makes a mark waiting behind another for the same person on the event the first one comes to', async () => {
    const server = aServer((f) => applied(f));
    const { listener } = aListener();
    const queue = aQueue(memoryStore(), server.post, listener, NO_RETRY);
    await queue.start();
    server.down = true;
    await queue.add(aMark('ann', { basedOnEventId: 'event-0' }));
    await queue.add(aMark('ann', { mark: 'LATE', minutes: 5, afterPrevious: true }));
    await queue.add(aMark('ann', { mark: null, afterPrevious: true }));
    server.down = false;
    await queue.flush();
    expect(server.sent.map((s) => [s.mark, s.basedOnEventId])).toEqual([
      ['PRESENT', 'event-0'],
      ['LATE', `event-${server.sent[0]!.clientId}`],
      ['NONE', `event-${server.sent[1]!.clientId}`],
    ]);
    queue.stop();
  });

  it('holds back the person’s later marks after a conflict and offers the last of them as this device’s', async () => {
    const server = aServer((f) =>
      f.get('bookingId') === 'ann'
        ? {
            type: 'success',
            status: 200,
            data: { result: { applied: false, conflict: 'Olu marked Ann present on another device.', entry: entry('ann') } },
          }
        : applied(f),
    );
    const { log, listener, last } = aListener();
    const queue = aQueue(memoryStore(), server.post, listener, NO_RETRY);
    await queue.start();
    server.down = true;
    await queue.add(aMark('ann', { mark: 'DID_NOT_ATTEND' }));
    await queue.add(aMark('ben'));
    await queue.add(aMark('ann', { mark: 'LATE', minutes: 20, afterPrevious: true }));
    server.down = false;
    await queue.flush();
    expect(server.sent.map((s) => s.bookingId)).toEqual(['ann', 'ben']);
    const [change, outcome] = log.settled[0]!;
    expect((change as QueuedMark).mark).toBe('DID_NOT_ATTEND');
    expect(outcome).toMatchObject({
      kind: 'conflict',
      sentence: 'Olu marked Ann present on another device.',
      entry: { eventId: 'event-ann' },
      yours: { mark: 'LATE', minutes: 20 },
    });
    expect(last().waiting).toBe(0);
    queue.stop();
  });

  it('reports a refusal in the server’s words and goes on; retries later when the server is failing; waits for a new sign-in', async () => {
    let status = 400;
    const server = aServer((f) =>
      f.get('bookingId') === 'ann'
        ? { type: 'failure', status, data: { errors: [{ field: 'minutes-ann', message: 'Enter how many minutes late they arrived' }] } }
        : f.get('bookingId') === 'cat'
          ? { type: 'redirect', status: 303, location: '/sign-in?next=%2Fyour-sessions' }
          : applied(f),
    );
    const { log, listener, last } = aListener();
    const queue = aQueue(memoryStore(), server.post, listener, NO_RETRY);
    await queue.start();
    status = 503;
    await queue.add(aMark('ann', { mark: 'LATE', basedOnEventId: 'event-9' }));
    await queue.flush();
    expect(last().waiting).toBe(1); // kept: the server could not take it
    status = 400;
    await queue.add(aMark('ann', { mark: 'PRESENT', afterPrevious: true }));
    await queue.flush();
    expect(log.settled[0]![1]).toEqual({
      kind: 'refused',
      problems: [{ field: 'minutes-ann', message: 'Enter how many minutes late they arrived' }],
    });
    // the refused mark changed nothing, so the next one is made on what the first was made on
    expect(server.sent.at(-1)).toMatchObject({ bookingId: 'ann', basedOnEventId: 'event-9' });

    await queue.add(aMark('cat'));
    await queue.add(aMark('dan'));
    await queue.flush();
    expect(last()).toEqual({ waiting: 2, offline: false, signInNeeded: true });
    expect(server.sent.map((s) => s.bookingId)).not.toContain('dan');
    queue.stop();
  });

  it('sends "mark everyone" in its place in the order, and makes later marks for those people on what it marked', async () => {
    const server = aServer((f) =>
      f.get('bookingId')
        ? applied(f)
        : { type: 'success', status: 200, data: { register: { entries: [entry('ann', { eventId: 'all-ann' }), entry('ben')] } } },
    );
    const { log, listener } = aListener();
    const queue = aQueue(memoryStore(), server.post, listener, NO_RETRY);
    await queue.start();
    server.down = true;
    await queue.add({ kind: 'markAll', url: '/x?/markAll', partId: 'p', clientId: 'all-1', basedOn: { ann: null } });
    expect(queue.hasWaitingFor('ann')).toBe(true);
    expect(queue.hasWaitingFor('ben')).toBe(false);
    await queue.add(aMark('ann', { mark: 'LEFT_EARLY', minutes: 30, afterPrevious: true }));
    server.down = false;
    await queue.flush();
    expect(server.sent.map((s) => s.clientId)[0]).toBe('all-1');
    expect(server.sent[1]).toMatchObject({ bookingId: 'ann', basedOnEventId: 'all-ann', mark: 'LEFT_EARLY' });
    expect(log.settled[0]![1]).toMatchObject({ kind: 'applied', entries: [{ bookingId: 'ann' }, { bookingId: 'ben' }] });
    queue.stop();
  });
});

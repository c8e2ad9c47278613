import { ChangeSetType, type EventSubscriber, type FlushEventArgs, type TransactionEventArgs } from '@mikro-orm/core';
import { MailStatus } from '@lh/domain';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Asks for a delivery run as soon as a transaction that queued mail has committed, so mail goes out
 * within seconds rather than at the next once-a-minute sweep. It only hurries things along: the
 * outbox rows are the truth, and a missed nudge (a crash just after commit) is caught by the sweep.
 */
export class OutboxKickSubscriber implements EventSubscriber {
  /** Transactions that wrote pending mail and have not committed yet. */
  private readonly waiting = new WeakSet<object>();

  constructor(private readonly kick: () => void) {}

  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const queued = uow
      .getChangeSets()
      .some((cs) => cs.entity instanceof OutboxMessage && cs.type !== ChangeSetType.DELETE && cs.entity.status === MailStatus.PENDING);
    if (!queued) {
      return;
    }
    const transaction = em.getTransactionContext<object>();
    // Outside an explicit transaction the flush has already committed its own.
    if (transaction) {
      this.waiting.add(transaction);
    } else {
      this.kick();
    }
  }

  async afterTransactionCommit({ transaction }: TransactionEventArgs): Promise<void> {
    if (transaction && this.waiting.has(transaction as object)) {
      this.waiting.delete(transaction as object);
      this.kick();
    }
  }
}

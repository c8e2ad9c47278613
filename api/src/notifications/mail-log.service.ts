import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, MailStatus } from '@lh/domain';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import type { MailLogFilterInput } from './dto/mail-log-filter.input';
import { MailDeliveryService } from './mail-delivery.service';
import { MailLogEntryType } from './mail.types';
import { OutboxInvite, OutboxMessage } from './outbox-message.entity';

/** The newest entries a log page shows. */
const LOG_LIMIT = 200;

/** What mail went out, to whom and how delivery went: coordinators only. */
@Injectable()
export class MailLogService {
  constructor(
    private readonly em: EntityManager,
    private readonly delivery: MailDeliveryService,
  ) {}

  async mailLog(viewer: Viewer | undefined, filter: MailLogFilterInput = {}): Promise<MailLogEntryType[]> {
    requireCoordinator(viewer);
    const where: FilterQuery<OutboxMessage> = {};
    if (filter.personId) {
      where.personId = filter.personId;
    }
    if (filter.sessionId) {
      where.sessionId = filter.sessionId;
    }
    if (filter.email) {
      where.toEmail = filter.email.toLowerCase();
    }
    if (filter.status) {
      where.status = filter.status;
    }
    const messages = await this.em.fork().find(OutboxMessage, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: LOG_LIMIT,
      exclude: ['text', 'html'],
    });
    const invites = await this.invitesOf(
      this.em.fork(),
      messages.map((m) => m.id),
    );
    return messages.map((m) => MailLogEntryType.from(m, invites.get(m.id)));
  }

  /** Tries a failed mail again now, with a fresh set of attempts (for example after an SMTP outage). */
  async retry(viewer: Viewer | undefined, id: string): Promise<MailLogEntryType> {
    requireCoordinator(viewer);
    const message = await this.em.fork().transactional(async (em) => {
      const m = await em.findOne(OutboxMessage, id, { exclude: ['text', 'html'] });
      if (!m) {
        throw new DomainError(ErrorCode.NotFound, 'There is no mail with that id.');
      }
      if (m.status !== MailStatus.FAILED) {
        throw new DomainError(ErrorCode.BadUserInput, 'Only a mail that failed can be sent again.', [
          { field: 'id', message: 'Only a mail that failed can be sent again.' },
        ]);
      }
      m.status = MailStatus.PENDING;
      m.attempts = 0;
      m.nextAttemptAt = new Date();
      return m;
    });
    this.delivery.requestPass();
    return MailLogEntryType.from(message, (await this.invitesOf(this.em.fork(), [message.id])).get(message.id));
  }

  /** The method and SEQUENCE of each mail's invites, in order, without their .ics text. */
  private async invitesOf(em: EntityManager, messageIds: string[]): Promise<Map<string, Pick<OutboxInvite, 'method' | 'sequence'>[]>> {
    const byMessage = new Map<string, Pick<OutboxInvite, 'method' | 'sequence'>[]>();
    if (!messageIds.length) {
      return byMessage;
    }
    const rows = await em.find(
      OutboxInvite,
      { message: { $in: messageIds } },
      { fields: ['message', 'method', 'sequence', 'position'], orderBy: { position: 'asc' } },
    );
    for (const r of rows) {
      byMessage.set(r.message.id, [...(byMessage.get(r.message.id) ?? []), { method: r.method, sequence: r.sequence }]);
    }
    return byMessage;
  }
}

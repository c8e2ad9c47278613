import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, readInvite } from '@lh/domain';
import { simpleParser, type AddressObject } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { requireCoordinator } from '../common/access';
import type { Viewer } from '../common/viewer';
import { CaughtMailType, type CaughtInviteType } from './mail.types';

/** The newest caught mails a list shows. */
const LIST_LIMIT = 50;
const FILE_NAME = /^[\w.-]+\.eml$/;

const addresses = (a: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.text).join(', ');

/**
 * The mail the development SMTP catcher received (`npm start` keeps it as .eml files in
 * MAIL_CATCHER_DIR), so demo users can read the mail and invites the app sent. Never in production.
 */
@Injectable()
export class CaughtMailService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether there is caught mail to read here (development with the catcher running). */
  available(viewer: Viewer | undefined): boolean {
    requireCoordinator(viewer);
    return this.folder() !== null;
  }

  async list(viewer: Viewer | undefined): Promise<CaughtMailType[]> {
    requireCoordinator(viewer);
    const dir = this.mustHaveFolder();
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => FILE_NAME.test(f));
    // The catcher names files by the time they arrived, so the newest sort last.
    const newest = files.sort().reverse().slice(0, LIST_LIMIT);
    return Promise.all(newest.map((f) => this.read(dir, f)));
  }

  async get(viewer: Viewer | undefined, id: string): Promise<CaughtMailType> {
    requireCoordinator(viewer);
    const dir = this.mustHaveFolder();
    if (!FILE_NAME.test(id)) {
      throw new DomainError(ErrorCode.NotFound, 'There is no caught mail with that id.');
    }
    return this.read(dir, id).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'ENOENT') {
        throw new DomainError(ErrorCode.NotFound, 'There is no caught mail with that id.');
      }
      throw e;
    });
  }

  private async read(dir: string, file: string): Promise<CaughtMailType> {
    const mail = await simpleParser(await readFile(path.join(dir, path.basename(file))));
    // every .ics in the mail once (a single invite is both the text/calendar alternative and invite.ics)
    const invites = new Map<string, CaughtInviteType>();
    for (const a of mail.attachments.filter((x) => x.contentType.toLowerCase() === 'text/calendar')) {
      const invite = readInvite(a.content.toString('utf8'));
      invites.set(`${invite.method} ${invite.uid} ${invite.sequence}`, {
        method: invite.method,
        uid: invite.uid,
        sequence: invite.sequence,
        status: invite.status,
        summary: invite.summary,
        location: invite.location,
        startsAt: invite.start,
        endsAt: invite.end,
      });
    }
    return {
      id: file,
      subject: mail.subject ?? '(no subject)',
      from: addresses(mail.from),
      to: addresses(mail.to),
      date: mail.date ?? null,
      messageId: mail.messageId ?? null,
      text: mail.text ?? '',
      invites: [...invites.values()],
    };
  }

  private folder(): string | null {
    return this.config.env !== 'production' && this.config.mailCatcherDir ? this.config.mailCatcherDir : null;
  }

  private mustHaveFolder(): string {
    const dir = this.folder();
    if (!dir) {
      throw new DomainError(ErrorCode.NotFound, 'Caught mail is only kept in development, when `npm start` runs the mail catcher.');
    }
    return dir;
  }
}

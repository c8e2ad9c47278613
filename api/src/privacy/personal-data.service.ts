import { Inject, Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, DomainError, ErrorCode, isUuid } from '@lh/domain';
import { AuditLog } from '../audit/audit-log';
import { fileNameFor } from '../calendar/calendar.service';
import { isOwnerOrCoordinator } from '../common/access';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { DownloadFileType } from '../exports/download-file.types';
import { Person } from '../people/person.entity';
import { personalDataHtml, personalDataJson, recordOf, type PersonalData } from './personal-data';
import { PERSONAL_DATA_SECTIONS } from './personal-data-sections';
import { PersonalDataFormat, type PersonalDataSummaryType } from './personal-data.types';

/**
 * A person's subject access request: everything held about them (PERSONAL_DATA_SECTIONS), read in one
 * repeatable-read transaction so the sections agree with each other. The person themselves, or a coordinator
 * answering a request for them (written to the audit log); anyone else is told there is no such person.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async summary(viewer: Viewer | undefined, personId: string): Promise<PersonalDataSummaryType> {
    const data = await this.gather(viewer, personId, this.clock.now());
    return {
      personId,
      personName: data.personName,
      sections: data.sections.map(({ section, records }) => ({
        key: section.key,
        title: section.title,
        about: section.about,
        count: records.length,
      })),
    };
  }

  async file(viewer: Viewer | undefined, personId: string, format: PersonalDataFormat): Promise<DownloadFileType> {
    const now = this.clock.now();
    const data = await this.gather(viewer, personId, now);
    if (viewer?.id !== personId) {
      await this.em.fork().transactional(async (em) => {
        AuditLog.record(em, viewer, {
          action: AuditAction.PERSONAL_DATA_EXPORTED,
          at: now,
          subject: { type: 'person', id: personId },
          subjectPerson: { id: personId, name: data.personName },
          after: { file: 'All personal data', format },
        });
      });
    }
    const baseName = fileNameFor(`Personal data ${data.personName}`);
    return format === PersonalDataFormat.JSON
      ? { fileName: `${baseName}.json`, contentType: 'application/json; charset=utf-8', base64: b64(personalDataJson(data)) }
      : { fileName: `${baseName}.html`, contentType: 'text/html; charset=utf-8', base64: b64(personalDataHtml(data)) };
  }

  private async gather(viewer: Viewer | undefined, personId: string, now: Date): Promise<PersonalData> {
    const em = this.em.fork();
    const person = isUuid(personId) ? await em.findOne(Person, personId) : null;
    if (!person || !isOwnerOrCoordinator(viewer, person.id)) {
      throw new DomainError(ErrorCode.NotFound, 'There is no such person, or you cannot see their data.');
    }
    const values = { $1: person.id, $2: person.email.toLowerCase() };
    const sections = await em.transactional(
      async (tx) => {
        const read: PersonalData['sections'] = [];
        for (const section of PERSONAL_DATA_SECTIONS) {
          // $1 and $2 may each appear several times: bound by position, in the order they appear
          const params = [...section.sql.matchAll(/\$[12]\b/g)].map((m) => values[m[0] as '$1' | '$2']);
          const rows = await tx.execute<Record<string, unknown>[]>(section.sql.replace(/\$[12]\b/g, '?'), params);
          read.push({ section, records: rows.map((r) => recordOf(section, r)) });
        }
        return read;
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
    return { personName: person.name, email: person.email, partnershipName: this.config.partnershipName, generatedAt: now, sections };
  }
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

import { formatCalendarDate } from '@lh/domain';
import type { CertificateStatus } from '@lh/graphql-client';

type TagColour = 'grey' | 'green' | 'red' | 'orange';

const tags: Record<CertificateStatus, { label: string; colour: TagColour }> = {
  VALID: { label: 'Valid', colour: 'green' },
  EXPIRED: { label: 'Expired', colour: 'orange' },
  REVOKED: { label: 'Revoked', colour: 'red' },
  SUPERSEDED: { label: 'Replaced', colour: 'grey' },
  REMOVED: { label: 'Removed', colour: 'grey' },
};

/** The tag for a certificate status: the words carry the meaning; the colour only helps. */
export function certificateTag(status: CertificateStatus): { label: string; colour: TagColour } {
  return tags[status];
}

/** What a certificate's status means, in a sentence, as the public verification page says it. */
export function certificateStatusSentence(c: {
  status: CertificateStatus;
  expiresOn: string | null;
  revokedOn: string | null;
  supersededOn: string | null;
}): string {
  switch (c.status) {
    case 'VALID':
      return c.expiresOn
        ? `This certificate is valid. It expires on ${formatCalendarDate(c.expiresOn)}.`
        : 'This certificate is valid. It does not expire.';
    case 'EXPIRED':
      return `This certificate was genuine but has expired: it expired on ${formatCalendarDate(c.expiresOn!)}.`;
    case 'REVOKED':
      return `This certificate was revoked on ${formatCalendarDate(c.revokedOn!)}: it is no longer valid.`;
    case 'SUPERSEDED':
      return `This certificate was replaced by a newer certificate${c.supersededOn ? ` on ${formatCalendarDate(c.supersededOn)}` : ''}: it is no longer valid. Ask the holder for the newer one.`;
    case 'REMOVED':
      return "This certificate was removed at the holder's request.";
  }
}

import { formatLondonDateTime, formatLondonRange } from '@lh/domain';

/** What the walk-in and check-in pages say about one part of a session. */
export interface PartSummary {
  courseTitle: string;
  partNumber: number;
  partCount: number;
  startsAt: string | Date;
  endsAt: string | Date;
}

/** "Part 1 of 2: Tuesday 3 March 2026, 9:30am to 12:30pm", or just the date and time for a one-part session. */
export function partCaption(p: PartSummary): string {
  const when = formatLondonRange(new Date(p.startsAt), new Date(p.endsAt));
  return p.partCount > 1 ? `Part ${p.partNumber} of ${p.partCount}: ${when}` : when;
}

/** Why walk-ins cannot be added now, from the register's window, or null when they can. */
export function walkInsClosedReason(r: {
  canMark: boolean;
  changesNeedReason: boolean;
  windowState: 'NOT_OPEN' | 'OPEN' | 'CLOSED';
  opensAt: string | Date;
  closesAt: string | Date;
}): string | null {
  if (r.canMark && !r.changesNeedReason) {
    return null;
  }
  switch (r.windowState) {
    case 'NOT_OPEN':
      return `Walk-ins can be added from ${formatLondonDateTime(new Date(r.opensAt))}, when the register opens.`;
    case 'CLOSED':
      return `The time for taking this register ended at ${formatLondonDateTime(new Date(r.closesAt))}, so walk-ins can no longer be added. Ask the training team to correct it.`;
    case 'OPEN':
      return 'This register has been signed off or the session was cancelled, so walk-ins can no longer be added. Ask the training team to correct it.';
  }
}

/** A device's id for one check-in (a code, for one person), the same each time: opening the page again counts once. */
export async function checkInClientId(code: string, personId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`check-in:${code}:${personId}`)));
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

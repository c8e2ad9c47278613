import { formatLondonDate, formatLondonRange, formatLondonTime } from '@lh/domain';

/**
 * What every mail is made of: the data a template takes, a small document model rendered twice (as
 * plain text and as accessible HTML), the layout around every mail, and the session details they share.
 * The mails themselves are in booking-mail-templates.ts and session-mail-templates.ts; import them
 * through mail-templates.ts.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type SessionPlace =
  { kind: 'venue'; name: string; address: string; accessibilityNotes?: string | null } | { kind: 'online'; joinUrl?: string | null };

export interface SessionDetails {
  courseTitle: string;
  /** One or more parts (a two-day course has two), in order. */
  parts: { start: Date; end: Date }[];
  place: SessionPlace;
}

/** What every template is given. */
export interface Common {
  partnershipName: string;
  /** Who the mail is to, for the greeting. */
  recipientName: string;
  session: SessionDetails;
}

export interface Link {
  text: string;
  href: string;
}

// ---------------------------------------------------------------------------------------------------
// A small document model rendered twice: once as text, once as HTML.

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'links'; links: Link[] };

export const p = (text: string): Block => ({ kind: 'p', text });
export const h2 = (text: string): Block => ({ kind: 'h2', text });
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const links = (...items: (Link | null | undefined | false | '')[]): Block => ({
  kind: 'links',
  links: items.filter((l): l is Link => !!l),
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const htmlLines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>\n');

function renderText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return b.text;
        case 'h2':
          return `${b.text}\n${'-'.repeat(b.text.length)}`;
        case 'list':
          return b.items.map((i) => `- ${i.replace(/\n/g, '\n  ')}`).join('\n');
        case 'facts':
          return b.rows.map(([k, v]) => `${k}: ${v.replace(/\n/g, '\n  ')}`).join('\n');
        case 'links':
          return b.links.map((l) => `${l.text}:\n${l.href}`).join('\n\n');
      }
    })
    .join('\n\n');
}

function renderHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${htmlLines(b.text)}</p>`;
        case 'h2':
          return `<h2 style="font-size: 20px; margin: 24px 0 8px;">${escapeHtml(b.text)}</h2>`;
        case 'list':
          return `<ul>\n${b.items.map((i) => `  <li>${htmlLines(i)}</li>`).join('\n')}\n</ul>`;
        case 'facts':
          return `<dl>\n${b.rows
            .map(([k, v]) => `  <dt style="font-weight: bold;">${escapeHtml(k)}</dt>\n  <dd style="margin: 0 0 12px;">${htmlLines(v)}</dd>`)
            .join('\n')}\n</dl>`;
        case 'links':
          return `<ul>\n${b.links
            .map(
              (l) =>
                `  <li><a href="${escapeHtml(l.href)}" style="color: #1d70b8; text-decoration: underline;">${escapeHtml(l.text)}</a></li>`,
            )
            .join('\n')}\n</ul>`;
      }
    })
    .join('\n');
}

/** Puts a mail together: partnership name, greeting, heading, body, "What to do next", footer. */
export function compose(o: {
  subject: string;
  partnershipName: string;
  recipientName: string;
  heading: string;
  body: Block[];
  next: Block[];
}): MailContent {
  const footer = p(`This mail was sent by Learning Hub for the ${o.partnershipName}. Please do not reply to it.`);
  const textBlocks = [p(o.partnershipName), p(o.heading.toUpperCase()), p(`Dear ${o.recipientName},`), ...o.body];
  const text = `${renderText([...textBlocks, h2('What to do next'), ...o.next])}\n\n--\n${renderText([footer])}\n`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.subject)}</title>`,
    '</head>',
    '<body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; background: #ffffff;">',
    '<div style="max-width: 640px; margin: 0 auto;">',
    `<p style="font-weight: bold;">${escapeHtml(o.partnershipName)}</p>`,
    `<h1 style="font-size: 28px; line-height: 1.2; margin: 16px 0;">${escapeHtml(o.heading)}</h1>`,
    `<p>Dear ${escapeHtml(o.recipientName)},</p>`,
    renderHtml(o.body),
    renderHtml([h2('What to do next'), ...o.next]),
    '<hr>',
    `<p style="font-size: 14px;">${escapeHtml(`This mail was sent by Learning Hub for the ${o.partnershipName}. Please do not reply to it.`)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject: o.subject, text, html };
}

// ---------------------------------------------------------------------------------------------------
// Shared pieces

/** "Tuesday 3 March 2026, 9:30am to 12:30pm", numbered when there are several parts. */
export function describeParts(parts: SessionDetails['parts']): string {
  if (parts.length === 1) {
    return formatLondonRange(parts[0]!.start, parts[0]!.end);
  }
  return parts.map((x, i) => `Part ${i + 1} of ${parts.length}: ${formatLondonRange(x.start, x.end)}`).join('\n');
}

/** "Venue name, room, address lines" on one line, or "Online". */
export function describePlace(place: SessionPlace): string {
  return place.kind === 'venue' ? [place.name, ...place.address.split('\n')].filter(Boolean).join(', ') : 'Online';
}

/** "5pm on Friday 6 March 2026" */
export function describeDeadline(deadline: Date): string {
  return `${formatLondonTime(deadline)} on ${formatLondonDate(deadline)}`;
}

export function sessionFacts(s: SessionDetails, opts: { joinLink?: boolean } = {}): Block {
  const rows: [string, string][] = [
    ['Course', s.courseTitle],
    [s.parts.length > 1 ? 'Dates and times' : 'Date and time', describeParts(s.parts)],
  ];
  if (s.place.kind === 'venue') {
    rows.push(['Venue', `${s.place.name}\n${s.place.address}`]);
    if (s.place.accessibilityNotes) {
      rows.push(['Access', s.place.accessibilityNotes]);
    }
  } else {
    rows.push(['Where', opts.joinLink && s.place.joinUrl ? `Online: ${s.place.joinUrl}` : 'Online']);
  }
  return { kind: 'facts', rows };
}

export const inviteNote = (parts: number) =>
  p(
    parts > 1
      ? `A calendar invitation for each of the ${parts} parts is attached. Add them to your calendar so you have the dates and the place.`
      : 'A calendar invitation is attached. Add it to your calendar so you have the date and the place.',
  );

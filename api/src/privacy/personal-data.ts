import { describeAuditChange, formatLondonDateTime, type AuditFields } from '@lh/domain';
import type { PersonalDataSection } from './personal-data-sections';

/** One value of a person's data as read: words, a number, yes/no, an instant, or nothing. */
export type PersonalDataValue = string | number | boolean | Date | null;

export interface PersonalDataRecord {
  /** The fields in the section's column order, each named in the download's words. */
  fields: { label: string; value: PersonalDataValue }[];
}

export interface PersonalData {
  personName: string;
  email: string;
  partnershipName: string;
  generatedAt: Date;
  sections: { section: PersonalDataSection; records: PersonalDataRecord[] }[];
}

/** PostgreSQL's text for a timestamptz ("2026-12-02 02:42:16.237+00"), as the driver hands it over. */
const TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/;

function instantOf(value: unknown): unknown {
  const m = typeof value === 'string' ? TIMESTAMPTZ.exec(value) : null;
  return m ? new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`) : value;
}

/** A row as the section's query answered it, with stored codes shown as words and an audit change in words. */
export function recordOf(section: PersonalDataSection, row: Record<string, unknown>): PersonalDataRecord {
  const fields: PersonalDataRecord['fields'] = [];
  for (const [label, raw] of Object.entries(row)) {
    if (section.auditChange && (label === 'Before' || label === 'After')) {
      if (label === 'After') {
        const lines = describeAuditChange((row.Before ?? null) as AuditFields | null, (raw ?? null) as AuditFields | null);
        const words = lines.map((l) => `${l.field}: ${l.before !== null ? `${l.before} → ` : ''}${l.after ?? 'nothing'}`);
        fields.push({ label: 'What changed', value: words.join('\n') || null });
      }
      continue;
    }
    const labels = section.labels?.[label];
    const word = (v: unknown) => (labels && typeof v === 'string' ? (labels[v] ?? v) : v);
    const value = Array.isArray(raw) ? raw.map(word).join(', ') : word(instantOf(raw));
    fields.push({ label, value: value === undefined ? null : (value as PersonalDataValue) });
  }
  return { fields };
}

/** The JSON download: instants as ISO 8601 (UTC), each record an object named in the page's words. */
export function personalDataJson(data: PersonalData): string {
  const sections = Object.fromEntries(
    data.sections.map(({ section, records }) => [
      section.title,
      records.map((r) => Object.fromEntries(r.fields.map((f) => [f.label, f.value instanceof Date ? f.value.toISOString() : f.value]))),
    ]),
  );
  return `${JSON.stringify(
    {
      about: `All the personal data ${data.partnershipName} holds about you in Learning Hub`,
      name: data.personName,
      email: data.email,
      generatedAt: data.generatedAt.toISOString(),
      sections,
    },
    null,
    2,
  )}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function shown(value: PersonalDataValue): string {
  if (value === null || value === '') {
    return '<span class="none">Not given</span>';
  }
  if (value instanceof Date) {
    return escapeHtml(formatLondonDateTime(value));
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return escapeHtml(String(value)).replace(/\n/g, '<br>');
}

/** The readable download: one HTML page (no scripts, every value escaped), times in London, printable. */
export function personalDataHtml(data: PersonalData): string {
  const title = `Your data: ${data.personName}`;
  const body = data.sections
    .map(({ section, records }) => {
      const items = records.length
        ? `<ol class="records">${records
            .map(
              (r) =>
                `<li><dl>${r.fields.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${shown(f.value)}</dd></div>`).join('')}</dl></li>`,
            )
            .join('')}</ol>`
        : '<p>Nothing held.</p>';
      return `<section aria-labelledby="${section.key}"><h2 id="${section.key}">${escapeHtml(section.title)} (${records.length})</h2><p>${escapeHtml(section.about)}</p>${items}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Arial, sans-serif; line-height: 1.4; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; color: #0b0c0c; }
h2 { border-top: 2px solid #b1b4b6; padding-top: 0.75rem; margin-top: 2rem; }
ol.records { padding-left: 1.5rem; } ol.records > li { margin-bottom: 1rem; }
dl { margin: 0; } dl > div { display: flex; flex-wrap: wrap; gap: 0 1rem; border-bottom: 1px solid #e5e6e7; padding: 0.2rem 0; }
dt { font-weight: bold; min-width: 14rem; } dd { margin: 0; overflow-wrap: anywhere; }
.none { color: #505a5f; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>All the personal data ${escapeHtml(data.partnershipName)} holds about ${escapeHtml(data.personName)} (${escapeHtml(data.email)}) in Learning Hub, as of ${escapeHtml(formatLondonDateTime(data.generatedAt))}. Times are UK time.</p>
${body}
</main>
</body>
</html>
`;
}

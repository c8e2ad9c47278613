import { UNREADABLE_DATE } from './forms';

/** The three boxes of a GOV.UK date input, as typed. */
export interface DateBoxes {
  day: string;
  month: string;
  year: string;
}

export const NO_DATE: DateBoxes = { day: '', month: '', year: '' };

/** The boxes showing a "YYYY-MM-DD" date. */
export const boxesOf = (date: string): DateBoxes => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

/** "YYYY-MM-DD" from three boxes; UNREADABLE_DATE when they are not numbers (the API names the date at fault). */
export const isoOf = (d: DateBoxes): string =>
  /^\d{1,2}$/.test(d.day) && /^\d{1,2}$/.test(d.month) && /^\d{4}$/.test(d.year)
    ? `${d.year}-${d.month.padStart(2, '0')}-${d.day.padStart(2, '0')}`
    : UNREADABLE_DATE;

/**
 * A date from a GET form's boxes (`${name}-day`, ...) or from `name` as YYYY-MM-DD (a link); null when
 * neither was given or all three boxes are empty.
 */
export function dateFromParams(params: URLSearchParams, name: string): { iso: string; boxes: DateBoxes } | null {
  if (params.has(`${name}-day`) || params.has(`${name}-month`) || params.has(`${name}-year`)) {
    const boxes = {
      day: params.get(`${name}-day`)?.trim() ?? '',
      month: params.get(`${name}-month`)?.trim() ?? '',
      year: params.get(`${name}-year`)?.trim() ?? '',
    };
    return boxes.day || boxes.month || boxes.year ? { iso: isoOf(boxes), boxes } : null;
  }
  const given = params.get(name)?.trim();
  if (!given) {
    return null;
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(given) ? given : UNREADABLE_DATE;
  return { iso, boxes: iso === UNREADABLE_DATE ? NO_DATE : boxesOf(iso) };
}

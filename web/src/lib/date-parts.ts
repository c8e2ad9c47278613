/** The three boxes of a GOV.UK date input. */
export type DatePart = 'day' | 'month' | 'year';
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

type Boxes = Partial<Record<DatePart, string | null>>;

const inRange = (text: string, digits: RegExp, min: number, max: number) => digits.test(text) && Number(text) >= min && Number(text) <= max;

/**
 * The boxes that are wrong on their own: empty, not a number, or out of range (a day 1 to 31, a month
 * 1 to 12, a year of four digits). Empty when each box reads right, so a problem left is with the date
 * as a whole (not a real date, in the past...).
 */
export function wrongDateParts(d: Boxes): DatePart[] {
  const text = (p: DatePart) => (d[p] ?? '').trim();
  const right: Record<DatePart, boolean> = {
    day: inRange(text('day'), /^\d{1,2}$/, 1, 31),
    month: inRange(text('month'), /^\d{1,2}$/, 1, 12),
    year: /^\d{4}$/.test(text('year')),
  };
  return DATE_PARTS.filter((p) => !right[p]);
}

/**
 * The boxes a date's error highlights (GOV.UK pattern): only the ones at fault, or all three when the
 * date as a whole is wrong or nothing was entered.
 */
export function dateErrorParts(d: Boxes): DatePart[] {
  const wrong = wrongDateParts(d);
  return wrong.length ? wrong : [...DATE_PARTS];
}

/** The id an error summary links to for a date's problem: its first box at fault (`<id>-day` for the date as a whole). */
export function dateErrorField(id: string, d: Boxes): string {
  return `${id}-${dateErrorParts(d)[0]}`;
}

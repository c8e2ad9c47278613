import { ReportPeriodKind, dayAfterDate, periodContaining, type ReportPeriod } from '@lh/domain';

/**
 * The calendar months of a period, oldest first, each cut to the period (a custom period starting on the
 * 10th has a first "month" from the 10th). The dashboard's attendance over time is counted per month.
 */
export function monthsOf(period: ReportPeriod): ReportPeriod[] {
  const months: ReportPeriod[] = [];
  for (let day = period.from; day <= period.to;) {
    const month = periodContaining(ReportPeriodKind.MONTH, day);
    const to = month.to < period.to ? month.to : period.to;
    months.push({ ...month, from: day, to });
    day = dayAfterDate(to);
  }
  return months;
}

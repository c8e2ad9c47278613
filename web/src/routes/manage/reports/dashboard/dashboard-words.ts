import { formatConfidence, formatShare } from '@lh/domain';

/** The one-line summaries under the dashboard's chart titles: what a reader should take from each chart, in words. */

export function attendanceSummary(months: { label: string; attendanceRate?: number | null }[]): string {
  const rated = months.filter((m) => m.attendanceRate !== null && m.attendanceRate !== undefined);
  if (!rated.length) {
    return 'No places were booked on sessions delivered in this period, so there is no attendance rate to show.';
  }
  const high = rated.reduce((a, b) => (b.attendanceRate! > a.attendanceRate! ? b : a));
  const low = rated.reduce((a, b) => (b.attendanceRate! < a.attendanceRate! ? b : a));
  return `Highest ${formatShare(high.attendanceRate!)} in ${high.label}, lowest ${formatShare(low.attendanceRate!)} in ${low.label}; ${rated.length} of ${months.length} months had places booked.`;
}

export function didNotAttendSummary(agencies: { name: string; current: { didNotAttend: number } }[]): string {
  const total = agencies.reduce((n, a) => n + a.current.didNotAttend, 0);
  if (!total) {
    return 'Nobody booked on a session delivered in this period did not attend.';
  }
  const most = agencies[0]!; // most did-not-attend first
  return `${total} did not attend in all; the most from ${most.name} (${most.current.didNotAttend}).`;
}

export function confidenceSummary(stages: { label: string; average?: number | null; responses: number }[]): string {
  const answered = stages.filter((s) => s.average !== null && s.average !== undefined);
  if (!answered.length) {
    return 'No survey answers about confidence for this period yet.';
  }
  return `Average confidence out of 5: ${answered.map((s) => `${s.label.toLowerCase()} ${formatConfidence(s.average)}`).join(', ')}.`;
}

// Figures for the bench: percentiles (nearest rank), summaries and a plain-text table.

/** The p-th percentile (0-100) of `values` by the nearest-rank method; NaN for no values. */
export function percentile(values, p) {
  if (!values.length) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(latenciesMs) {
  return {
    p50: percentile(latenciesMs, 50),
    p95: percentile(latenciesMs, 95),
    p99: percentile(latenciesMs, 99),
    max: latenciesMs.length ? Math.max(...latenciesMs) : Number.NaN,
  };
}

export const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '-');
export const perSecond = (n, elapsedMs) => (elapsedMs > 0 ? (n * 1000) / elapsedMs : Number.NaN);
export const fixed = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');

/** Prints rows of [label, value] as a two-column table under a title. */
export function printTable(title, rows) {
  const width = Math.max(...rows.map(([k]) => String(k).length), 10);
  console.log(`\n${title}\n${'-'.repeat(title.length)}`);
  for (const [k, v] of rows) {
    console.log(`  ${String(k).padEnd(width)}  ${v}`);
  }
}

/** Runs `count` tasks with at most `concurrency` at once; `task(i)` gets the index. */
export async function runPool(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

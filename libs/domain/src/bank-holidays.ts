/**
 * Bank holidays in England and Wales (including substitute days), as published by GOV.UK.
 * Maintained list: add each new year when it is announced. Dates are London calendar dates.
 *
 * Refreshing: GOV.UK publishes the list at https://www.gov.uk/bank-holidays.json; use the
 * `england-and-wales` division (not Scotland or Northern Ireland). To print its dates:
 *
 *   curl -s https://www.gov.uk/bank-holidays.json | node -e \
 *     "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>JSON.parse(s)['england-and-wales'].events.forEach(e=>console.log(e.date, e.title)))"
 *
 * Add the missing years below (one `// YYYY` block each, in date order), keeping past years so cut-offs
 * of bookings already made stay as they were. `bank-holidays.spec.ts` fails once the list no longer
 * covers the whole of next year, so refresh it before each December at the latest.
 */
export const ENGLISH_BANK_HOLIDAYS: readonly string[] = [
  // 2025
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  // 2026
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  // 2027
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  // 2028
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

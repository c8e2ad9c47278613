// `npm run generate -- --people 50000 --sessions 40000 --bookings 1000000 [--seed 1] [--today 2026-12-02]`:
// fills the migrated database at DATABASE_URL with a decade of a large county's training (bench/lib/generate.mjs).
import pg from 'pg';
import { generate } from '../bench/lib/generate.mjs';

const args = process.argv.slice(2);
const options = { people: 50000, sessions: 40000, bookings: 1000000, seed: 1, today: undefined };
for (let i = 0; i < args.length; i += 2) {
  const name = args[i].replace(/^--/, '');
  if (!(name in options) || args[i + 1] === undefined) {
    console.error(`Unknown option ${args[i]}: use --people, --sessions, --bookings, --seed and --today`);
    process.exit(1);
  }
  options[name] = name === 'today' ? args[i + 1] : Number(args[i + 1]);
}
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a migrated database (npm run db:migrate first)');
  process.exit(1);
}
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
const began = Date.now();
try {
  await generate(db, { ...options, log: (line) => console.log(`· ${line}`) });
  console.log(`Generated in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
} catch (e) {
  console.error(`The generator failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await db.end();
}

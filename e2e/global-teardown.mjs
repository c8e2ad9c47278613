// Stops the stacks global setup started; then checks that nothing the whole run logged holds personal data:
// no email address, access need or dietary need of anyone in the stack's database (the demo people and everyone
// the specs made), in the API's or the web app's output. Logs are JSON lines with request ids (JsonLogger).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

async function personalDataIn(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`
      select email as value from person
      union select access_needs from person where access_needs is not null
      union select dietary_needs from person where dietary_needs is not null
      union select access_needs from booking where access_needs is not null
      union select dietary_needs from booking where dietary_needs is not null`);
    // short answers ("None", "Vegan") are words any log might hold; longer ones are someone's
    return rows.map((r) => String(r.value)).filter((v) => v.trim().length >= 12);
  } finally {
    await db.end();
  }
}

export default async function globalTeardown() {
  const stacks = globalThis.__lhStacks ?? [];
  const personal = await Promise.all(stacks.map((s) => personalDataIn(s.databaseUrl).catch(() => [])));
  await Promise.all(stacks.map((s) => s.stop()));
  const found = [];
  stacks.forEach((s, i) => {
    for (const name of ['api.log', 'web.log']) {
      const file = s.logDir && path.join(s.logDir, name);
      if (!file || !existsSync(file)) {
        continue;
      }
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const value of personal[i]) {
        const line = lines.find((l) => l.includes(value));
        if (line) {
          found.push(`${name} of stack ${i + 1} holds "${value}": ${line.slice(0, 300)}`);
        }
      }
    }
    if (s.logDir && !found.length) {
      rmSync(s.logDir, { recursive: true, force: true });
    }
  });
  if (found.length) {
    throw new Error(`The logs hold personal data (kept in .data/logs-e2e-*):\n${found.slice(0, 20).join('\n')}`);
  }
}

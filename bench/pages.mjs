// Part 3: signed-in users reading the catalogue and a course page on the built web app.
import { client } from './lib/http.mjs';
import { perSecond, runPool, summarise } from './lib/stats.mjs';

/** `users` at once, each asking for `path` again and again for `seconds`. */
export async function loadPage({ webUrl, path, cookies, users, seconds }) {
  const http = client(webUrl, { sockets: users });
  const latencies = [];
  const statuses = new Map();
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await runPool(users, users, async (u) => {
    while (performance.now() < until) {
      const t = performance.now();
      let key;
      try {
        const res = await http.get(path, { cookie: cookies[u % cookies.length], accept: 'text/html' });
        key = String(res.status);
      } catch (e) {
        key = e.code ?? e.message;
      }
      latencies.push(performance.now() - t);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  });
  const elapsed = performance.now() - started;
  http.close();
  return { requests: latencies.length, rate: perSecond(latencies.length, elapsed), ...summarise(latencies), statuses };
}

// Fault test: PostgreSQL goes away while the API runs (its connections dropped, new ones refused, as in a
// restart) and comes back. Requests meanwhile get a clear "try again" (SERVICE_UNAVAILABLE, 503), never an
// internal error or a long hang, and the API recovers by itself without a restart.
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, UNAVAILABLE_MESSAGE } from '@lh/domain';
import { createApp } from '../bootstrap';
import { createTestDatabase, gql, testConfig } from '../../test/test-db';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy';

const COURSES = `{ courses { id title } }`;
const COURSE = `{ course(id: "3f0c9a52-6a4e-4f51-9d36-4b1f0f3f7c11") { id } }`;

describe('when PostgreSQL restarts under the API (real PostgreSQL behind a TCP relay)', () => {
  let proxy: TcpProxy;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const direct = new URL(await createTestDatabase());
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    direct.port = String(proxy.port);
    app = await createApp(testConfig(direct.toString(), { databaseWaitSeconds: 3 }), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await app?.close();
    await proxy?.close();
  });

  it('answers "try again" while it is away, and works again once it is back', async () => {
    expect((await gql(url, COURSES)).errors).toBeUndefined();

    await proxy.down();
    for (const query of [COURSES, COURSE, COURSES]) {
      const res = await gql(url, query);
      expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([[ErrorCode.ServiceUnavailable, UNAVAILABLE_MESSAGE]]);
      expect(JSON.stringify(res)).not.toMatch(/ECONN|Knex|stack|at \//);
    }

    await proxy.up();
    const back = await gql<{ courses: unknown[] }>(url, COURSES);
    expect(back.errors).toBeUndefined();
    expect(Array.isArray(back.data?.courses)).toBe(true);
  }, 120_000);
});

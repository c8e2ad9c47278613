import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '../src/config/config';
import { ormOptions } from '../src/db/orm-options';
import { createApp } from '../src/bootstrap';

function adminUrl(): string {
  const url = process.env.LH_TEST_PG_ADMIN_URL;
  if (!url) {
    throw new Error('LH_TEST_PG_ADMIN_URL is not set: run integration tests through jest --selectProjects integration');
  }
  return url;
}

/** A fresh database copied from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.LH_TEST_PG_TEMPLATE ?? 'lh_template'}"`);
  } finally {
    await client.end();
  }
  return adminUrl().replace(/\/[^/]+$/, `/${name}`);
}

/**
 * Tests sign in (and ask for links) a lot, all from 127.0.0.1: the per-IP limits are generous here
 * (rate-limit specs set their own); the per-account back-off after wrong passwords stays as configured.
 */
const GENEROUS_PER_IP = { points: 100_000, seconds: 3600 };

export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  const config = loadConfig({ DATABASE_URL: databaseUrl, NODE_ENV: 'test' });
  return {
    ...config,
    rateLimits: {
      ...config.rateLimits,
      SIGN_IN_PER_IP: GENEROUS_PER_IP,
      SIGN_IN_LINK_PER_IP: GENEROUS_PER_IP,
      PASSWORD_RESET_PER_IP: GENEROUS_PER_IP,
      REGISTRATION_PER_IP: GENEROUS_PER_IP,
      CERTIFICATE_VERIFY_PER_IP: GENEROUS_PER_IP,
      BOOKING_PER_PERSON: GENEROUS_PER_IP,
      CHECK_IN_CODE_PER_IP: GENEROUS_PER_IP,
      CHECK_IN_CODE_PER_PERSON: GENEROUS_PER_IP,
    },
    ...overrides,
  };
}

export interface TestApi {
  app: INestApplication;
  url: string;
  orm: MikroORM;
  close(): Promise<void>;
}

/** The real API on a random port over a fresh database, plus an ORM for arranging data. */
export async function startTestApi(overrides: Partial<AppConfig> = {}): Promise<TestApi> {
  const databaseUrl = await createTestDatabase();
  const app = await createApp(testConfig(databaseUrl, overrides), { logger: process.env.LH_TEST_LOG === 'true' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const orm = await MikroORM.init(ormOptions(databaseUrl));
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    orm,
    async close() {
      await orm.close();
      await app.close();
    },
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[]; stacktrace?: unknown } }[];
  setCookie: string[];
}

/** Posts a GraphQL operation over real HTTP. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GqlResult<T>['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors, setCookie: res.headers.getSetCookie() };
}

/** Signs a person in over HTTP and returns the cookie header to send with their requests. */
export async function signInAs(baseUrl: string, person: { email: string; password: string }): Promise<string> {
  const res = await gql(baseUrl, `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
    input: { email: person.email, password: person.password },
  });
  const cookie = res.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('lh_session='));
  if (!cookie) {
    throw new Error(`Could not sign in ${person.email}: ${JSON.stringify(res.errors)}`);
  }
  return cookie;
}

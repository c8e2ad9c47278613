import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const TEST_CLIENT = { client_id: 'learning-hub', client_secret: 'learning-hub-test-client-secret' };

export interface TestOidcProvider {
  issuer: string;
  /** Signs in at the provider as `email` (any password) and returns the query string it sends the browser back with. */
  signInAt(authorizationUrl: string, email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the real OpenID provider (scripts/lib/oidc-provider.mjs, the oidc-provider package) on
 * loopback in a child process, with Learning Hub as its client, and drives its sign-in page over
 * HTTP the way a browser would.
 */
export async function startTestOidcProvider(o: {
  redirectUri: string;
  tenants?: Record<string, string>;
  codeTtlSeconds?: number;
}): Promise<TestOidcProvider> {
  const options = {
    clients: [{ ...TEST_CLIENT, redirect_uris: [o.redirectUri] }],
    tenants: o.tenants ?? {},
    codeTtlSeconds: o.codeTtlSeconds,
  };
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/oidc-provider-cli.mjs'), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) {
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`the test OpenID provider stopped (${code}): ${err}`)));
  });
  return { issuer, signInAt: (url, email) => signInAt(url, email), stop: () => stop(child) };
}

async function signInAt(authorizationUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  let res = await send(authorizationUrl);
  for (let step = 0; step < 10; step++) {
    const location = res.headers.get('location');
    if (!location) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) {
        throw new Error(`the provider showed no form (${res.status}): ${html.slice(0, 300)}`);
      }
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login: email, password: 'any password' } : { prompt });
      res = await send(new URL(action, res.url || authorizationUrl).href, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      continue;
    }
    const next = new URL(location, authorizationUrl);
    if (next.searchParams.has('code') || next.searchParams.has('error')) {
      return next.search.slice(1);
    }
    res = await send(next.href);
  }
  throw new Error('the provider never sent the browser back');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      return resolve();
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

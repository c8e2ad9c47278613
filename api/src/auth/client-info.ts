import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { requestOf } from '../common/access.decorators';
import type { AppConfig } from '../config/config';
import { clientIp } from './rate-limited.decorator';

export const SESSION_COOKIE = 'lh_session';

/** Who is on the other end of a request: their IP address (for rate limits) and browser (for "where you are signed in"). */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  /** The session token from the cookie, if any (to tell "this device" apart). */
  sessionToken: string | undefined;
  /** The request's id (X-Request-Id), for the audit log of a sign-in, before there is a viewer. */
  requestId: string | null;
}

/** The caller's IP address, User-Agent and session token (the web server forwards the browser's). */
export const CurrentClient = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const req = requestOf(context);
  const ua = req.headers['user-agent'];
  return {
    ip: clientIp(req),
    userAgent: typeof ua === 'string' && ua.trim() ? ua.trim().slice(0, 300) : null,
    sessionToken: (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE],
    requestId: req.requestId ?? null,
  };
});

/** Puts a new session's token in the httpOnly cookie the web server passes on. */
export function setSessionCookie(res: Response, config: AppConfig, session: { token: string; expiresAt: Date }): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

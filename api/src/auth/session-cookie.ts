import type { Response } from 'express';
import type { AppConfig } from '../config/config';
import { SESSION_COOKIE } from './auth.service';

/** Sets the session cookie on the API's answer (the web server copies it to its own origin). */
export function setSessionCookie(res: Response, config: AppConfig, session: { token: string; expiresAt: Date }): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: session.expiresAt,
  });
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '@lh/domain';

/**
 * Signed, expiring tokens for links that work without signing in (a line manager approving a
 * booking). The token names its purpose and subject; HMAC-SHA256 with the app secret stops tampering.
 * Single use is enforced by the caller's state (a decided booking cannot be decided again).
 */
export function signToken(secret: string, purpose: string, subject: string, expiresAt: Date): string {
  const payload = `${purpose}.${subject}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload)}`;
}

export function verifyToken(secret: string, purpose: string, token: string, now = new Date()): { subject: string; expiresAt: Date } {
  const invalid = () =>
    new DomainError(ErrorCode.InvalidToken, 'This link is not valid. Check you copied all of it, or ask for a new one.');
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) {
    throw invalid();
  }
  const payload = Buffer.from(encoded, 'base64url').toString();
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid();
  }
  const [p, subject, exp] = payload.split('.');
  if (p !== purpose || !subject || !exp || !/^\d+$/.test(exp)) {
    throw invalid();
  }
  const expiresAt = new Date(Number(exp) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.TokenExpired,
      'This link has expired. The booking request was released; the practitioner can book again.',
    );
  }
  return { subject, expiresAt };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

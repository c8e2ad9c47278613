import { ErrorCode } from '@lh/domain';
import { signToken, verifyToken } from './signed-token';

const secret = 's'.repeat(32);
const now = new Date('2026-11-21T12:00:00Z');
const later = new Date('2026-11-25T12:00:00Z');
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('signed tokens', () => {
  it('round-trips purpose, subject and expiry', () => {
    const t = signToken(secret, 'approval', 'b-123', later);
    expect(verifyToken(secret, 'approval', t, now)).toEqual({ subject: 'b-123', expiresAt: later });
  });

  it('refuses a tampered, re-purposed or foreign token', () => {
    const t = signToken(secret, 'approval', 'b-123', later);
    const [payload, sig] = t.split('.');
    const forged = `${Buffer.from('approval.b-999.' + Math.floor(later.getTime() / 1000)).toString('base64url')}.${sig}`;
    expect(code(() => verifyToken(secret, 'approval', forged, now))).toBe(ErrorCode.InvalidToken);
    expect(code(() => verifyToken(secret, 'other', t, now))).toBe(ErrorCode.InvalidToken);
    expect(code(() => verifyToken('t'.repeat(32), 'approval', t, now))).toBe(ErrorCode.InvalidToken);
    expect(code(() => verifyToken(secret, 'approval', `${payload}`, now))).toBe(ErrorCode.InvalidToken);
    expect(code(() => verifyToken(secret, 'approval', 'rubbish', now))).toBe(ErrorCode.InvalidToken);
  });

  it('refuses an expired token', () => {
    const t = signToken(secret, 'approval', 'b-123', later);
    expect(code(() => verifyToken(secret, 'approval', t, new Date(later.getTime() + 1)))).toBe(ErrorCode.TokenExpired);
  });
});

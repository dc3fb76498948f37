import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`funding-unsubscribe:${payload}`).digest('base64url');

/** A signed, non-expiring token for one-click unsubscribe from funding alerts: `<userId>.<sig>`. */
export function unsubscribeToken(secret: string, userId: number): string {
  return `${userId}.${sign(secret, String(userId))}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): number | null {
  const m = /^(\d{1,12})\.([\w-]{20,100})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(secret, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[1]) : null;
}

const feedSign = (secret: string, scope: string) =>
  createHmac('sha256', secret).update(`funding-feed:${scope}`).digest('base64url').slice(0, 32);

/** Token of a private calendar URL; scope is 'user:<id>' or 'org:<id>'. */
export function feedToken(secret: string, scope: string): string {
  return feedSign(secret, scope);
}

export function verifyFeedToken(secret: string, scope: string, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(feedSign(secret, scope));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

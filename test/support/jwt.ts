import { createHmac } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Hand-made tokens for attacking the API: any header, any claims, any key. */
export function craftToken(header: object, claims: object, secret?: string): string {
  const body = `${b64(header)}.${b64(claims)}`;
  if (!secret) return `${body}.`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/**
 * Capability tokens. A wall has one token per role; only their SHA-256 hashes are stored, so a
 * copy of the database does not open any wall.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, Token, type Role } from '../../shared/schemas';
import type { WallRecord } from '../storage/store';

/** 192 random bits, base64url: the whole URL fragment of a wall link. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newTokens(): { tokens: Record<Role, string>; hashes: Record<Role, string> } {
  const tokens = { facilitator: newToken(), participant: newToken(), viewer: newToken() };
  const hashes = {
    facilitator: hashToken(tokens.facilitator),
    participant: hashToken(tokens.participant),
    viewer: hashToken(tokens.viewer),
  };
  return { tokens, hashes };
}

/** The role `token` grants on `wall`, or undefined. Compares every role in constant time. */
export function roleFor(wall: WallRecord, token: unknown): Role | undefined {
  const parsed = Token.safeParse(token);
  if (!parsed.success) return undefined;
  const given = Buffer.from(hashToken(parsed.data), 'hex');
  let found: Role | undefined;
  for (const role of ROLES) {
    const stored = Buffer.from(wall.tokenHashes[role], 'hex');
    if (stored.length === given.length && timingSafeEqual(stored, given) && !found) found = role;
  }
  return found;
}

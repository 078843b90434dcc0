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

/** What a valid token grants, and the hash it matched (live sockets are tracked by it). */
export interface Grant {
  role: Role;
  /** Set for a per-group participant link. */
  groupId: string | null;
  tokenHash: string;
}

function sameHash(stored: string, given: Buffer): boolean {
  const bytes = Buffer.from(stored, 'hex');
  return bytes.length === given.length && timingSafeEqual(bytes, given);
}

/**
 * What `token` grants on `wall`, or undefined. Compares against every role's and every group
 * link's hash, in constant time each, without stopping at the first match.
 */
export function grantFor(wall: WallRecord, token: unknown): Grant | undefined {
  const parsed = Token.safeParse(token);
  if (!parsed.success) return undefined;
  const tokenHash = hashToken(parsed.data);
  const given = Buffer.from(tokenHash, 'hex');
  let found: Grant | undefined;
  for (const role of ROLES) {
    if (sameHash(wall.tokenHashes[role], given) && !found) found = { role, groupId: null, tokenHash };
  }
  for (const [groupId, stored] of Object.entries(wall.groupTokenHashes)) {
    if (sameHash(stored, given) && !found) found = { role: 'participant', groupId, tokenHash };
  }
  return found;
}

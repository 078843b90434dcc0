/**
 * Short join codes ("K7Q-4PX") that stand for a wall's participant link, for the projector: a
 * room reads six characters off the screen more easily than a 32-character token.
 *
 * Kept in the Store, so a code made on one instance works on every other and survives a restart.
 * A code is a second way into the wall, so what is stored is built to be useless without the
 * code itself (the database holds token hashes, never tokens, and that stays true for a copy of
 * it taken while codes are live):
 *
 * - the row's key is a slow, memory-hard hash of the code (scrypt), so trying all ~10⁹ codes
 *   against a copied table costs about a CPU-year instead of seconds;
 * - the participant token is encrypted (AES-256-GCM) with a second key from that same hash;
 * - the code is encrypted with a key derived from the participant token, so the facilitator
 *   asking again with the same link gets the same code back (a reloaded projector keeps it).
 *
 * Each code expires after `ttlMs`; a wall has at most one code, so their number is bounded by
 * the number of walls, and replacing the participant link (or deleting the wall) ends its code.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, scrypt } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '../shared/schemas';
import { hashToken } from './auth/tokens';
import type { Store, StoredJoinCode } from './storage/store';

export interface JoinTarget {
  wallId: string;
  participantToken: string;
}

export interface JoinCodeOptions {
  ttlMs?: number;
  now?: () => number;
}

export const JOIN_CODE_TTL_MS = 12 * 60 * 60 * 1000;
/** A fresh random code collides with a live one about once in 10⁹/walls tries: a few suffice. */
const ISSUE_ATTEMPTS = 8;

/** scrypt with 16 MiB of memory: about 50 ms per code on one core, once per issue and per use. */
const KDF = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KDF_SALT = 'pajaseina join code v1';

function randomCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

/** The stored lookup key and the key that seals the token, both from one scrypt of the code. */
function codeKeys(code: string): Promise<{ lookup: string; tokenKey: Buffer }> {
  return new Promise((resolve, reject) =>
    scrypt(code, KDF_SALT, 64, KDF, (err, derived) => {
      if (err) reject(err);
      else resolve({ lookup: derived.subarray(0, 32).toString('hex'), tokenKey: derived.subarray(32) });
    }),
  );
}

/** The participant token is high-entropy: one hash makes a key nobody can guess. */
const codeKeyOf = (participantToken: string) => createHash('sha256').update('pajaseina join code seal\0').update(participantToken).digest();

const IV_BYTES = 12;
const TAG_BYTES = 16;

function seal(key: Buffer, text: string): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

/** The sealed text, or undefined if the key is wrong or the bytes were altered. */
function open(key: Buffer, sealed: Uint8Array): string | undefined {
  const bytes = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export class JoinCodes {
  readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: JoinCodeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? JOIN_CODE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * A code for the target. The same link asked for again gets its existing code (with a fresh
   * expiry), so reloading the projector does not change what people already copied down.
   */
  async issue(target: JoinTarget): Promise<{ code: string; expiresAt: number }> {
    const now = this.now();
    const expiresAt = now + this.ttlMs;
    const tokenHash = hashToken(target.participantToken);
    const codeKey = codeKeyOf(target.participantToken);
    const existing = await this.store.joinCodeFor(target.wallId, tokenHash, now);
    const code = existing && open(codeKey, existing.sealedCode);
    if (existing && code !== undefined && (await this.store.putJoinCode({ ...existing, expiresAt }, now))) return { code, expiresAt };
    for (let attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
      const code = randomCode();
      const { lookup, tokenKey } = await codeKeys(code);
      const stored: StoredJoinCode = {
        lookup,
        wallId: target.wallId,
        tokenHash,
        sealedToken: seal(tokenKey, target.participantToken),
        sealedCode: seal(codeKey, code),
        expiresAt,
      };
      if (await this.store.putJoinCode(stored, now)) return { code, expiresAt };
    }
    throw new Error('no free join code found');
  }

  /** The link behind a code, or undefined when it is unknown or expired. */
  async resolve(code: string): Promise<JoinTarget | undefined> {
    const { lookup, tokenKey } = await codeKeys(code);
    const stored = await this.store.getJoinCode(lookup, this.now());
    const participantToken = stored && open(tokenKey, stored.sealedToken);
    if (!stored || participantToken === undefined || hashToken(participantToken) !== stored.tokenHash) return undefined;
    return { wallId: stored.wallId, participantToken };
  }
}

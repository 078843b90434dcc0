/**
 * ORGANISER_KEY: when set, only whoever knows it may create walls. Compared in constant time
 * over SHA-256 digests, so neither the content nor the length of the key leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ORGANISER_KEY_REQUIRED } from '../../shared/schemas';
import { HttpError } from '../http/errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The key of an `Authorization: Bearer <key>` header; the key may hold any visible characters. */
function presentedKey(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S{1,512})$/i.exec(header ?? '');
  return match?.[1];
}

/** Throws 401 organiser_key_required unless `header` carries `key` (no-op when no key is configured). */
export function checkOrganiserKey(key: string | undefined, header: string | undefined): void {
  if (key === undefined) return;
  const given = presentedKey(header);
  if (given !== undefined && timingSafeEqual(digest(given), digest(key))) return;
  throw new HttpError(401, ORGANISER_KEY_REQUIRED, 'Creating a wall on this server needs the organiser key.');
}

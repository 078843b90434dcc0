/**
 * The join_codes table as both SQL stores read it. As with wallRow.ts, the drivers differ only in
 * how integers and bytes arrive, so each store passes its own schemas for those.
 */
import { z } from 'zod';
import type { StoredJoinCode } from './store';

export const JOIN_CODE_COLUMNS = 'lookup, wall_id, token_hash, sealed_token, sealed_code, expires_at';

export function joinCodeRowParser(integer: z.ZodType<number, unknown>, bytes: z.ZodType<Uint8Array, unknown>): (row: unknown) => StoredJoinCode {
  const Row = z.object({
    lookup: z.string(),
    wall_id: z.string(),
    token_hash: z.string(),
    sealed_token: bytes,
    sealed_code: bytes,
    expires_at: integer,
  });
  return (row) => {
    const r = Row.parse(row);
    return {
      lookup: r.lookup,
      wallId: r.wall_id,
      tokenHash: r.token_hash,
      sealedToken: r.sealed_token,
      sealedCode: r.sealed_code,
      expiresAt: r.expires_at,
    };
  };
}

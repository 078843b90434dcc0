/** How the pg package hands over the column types PgStore reads, parsed to what the Store gives out. */
import { z } from 'zod';

// BIGINT arrives as a string (it may exceed 2^53); ours are epoch ms and sequence numbers.
export const BigIntColumn = z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int().nonnegative());
export const Bytes = z.instanceof(Buffer).transform((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));

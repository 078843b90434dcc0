/**
 * zod for Node (the server, tests, benches), chosen by the `#zod` entry of package.json's
 * "imports". Classic zod compiles a fast path for object schemas that parses about 8x faster in
 * Node than zod/mini (docs/performance.md); the browser gets zod/mini (./browser.ts), because
 * there the page's CSP forbids compiled code anyway and the bundle is a fifth of the size.
 *
 * Shared code must use only the functional API both have (`z.optional(s)`, `.check(z.maxLength(n))`),
 * never classic-only methods such as `.min()`: `npm run typecheck` checks the code against both.
 */
import type { ZodType } from 'zod';

export * from 'zod';
/** A schema whose output is T, with safeParse, in either build. */
export type Schema<T = unknown> = ZodType<T>;

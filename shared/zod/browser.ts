/** zod for the browser: zod/mini, functions instead of methods, so the bundle carries only what is used. See ./node.ts. */
import type { ZodMiniType } from 'zod/mini';

export * from 'zod/mini';
/** A schema whose output is T, with safeParse, in either build. */
export type Schema<T = unknown> = ZodMiniType<T>;

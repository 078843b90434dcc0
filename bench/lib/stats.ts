/** Percentiles, ratios and the printed table. */
export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentiles: the p-th is the smallest sample with at least p % of the samples at or
 * below it (the ceil(p/100 · n)-th). Until 2026-12-04 19:50 it was the (floor(p/100 · n) + 1)-th,
 * one rank higher where p/100 · n is whole: of 100 samples that made the p99 the maximum. Over the
 * thousands of deliveries of a fan-out the two differ by one rank of thousands.
 */
export function distribution(samples: number[]): Distribution {
  const xs = [...samples].sort((a, b) => a - b);
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] ?? NaN;
  return { count: xs.length, p50: at(50), p99: at(99), max: xs.at(-1) ?? NaN };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const MiB = 1024 * 1024;
export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** Ours divided by a reference: below 1 means ours is lower (better for times and memory). */
export const ratio = (ours: number, reference: number) => round(ours / reference, 2);

export function table(title: string, header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '–' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`\n## ${title}`, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(5);
  }
}

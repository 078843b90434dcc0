/**
 * A client build made now from this checkout, for the bench's client scenario. dist/ is whatever
 * was built last: a run at 19:45 on 2026-12-04 measured a build two hours and three commits old
 * (the same bytes as the run before), so `npm run bench` builds its own unless told which to use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** PAJASEINA_DIST if set, else a fresh `vite build` in a temporary folder. */
export function clientBuildForBench(): string {
  if (process.env.PAJASEINA_DIST) return process.env.PAJASEINA_DIST;
  const outDir = mkdtempSync(join(tmpdir(), 'pajaseina-bench-dist-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`vite build for the client scenario failed (exit ${built.status})`);
  return outDir;
}

#!/usr/bin/env node
// `npm test`: Chromium, redis-server and PostgreSQL present → typecheck → client build → every vitest suite (unit, integration, browser),
// then one closing line "N passed, N failed" that CI can read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(args, label) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

run(['scripts/ensure-chromium.mjs'], 'Chromium for the browser tests');
run(['scripts/ensure-services.mjs'], 'redis-server and PostgreSQL for the scale-out test');
run(['node_modules/typescript/bin/tsc', '--noEmit'], 'Typecheck (tsc --noEmit)');
run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.browser.json'], 'Typecheck as the browser sees it (zod/mini)');
// The browser tests serve exactly what `npm start` serves: build it fresh.
run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], 'Client build (vite build)');

const report = join(mkdtempSync(join(tmpdir(), 'pajaseina-report-')), 'vitest.json');
console.log('\n▶ Tests (vitest run)');
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.error('vitest wrote no report: treating the run as failed');
}
if (summary) {
  const passed = summary.numPassedTests;
  const failed = summary.numFailedTests + (summary.numTotalTests === 0 ? 1 : 0);
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (summary.numTotalTests === 0) console.error('No test ran: that is a failure, not a pass.');
  if (failed > 0 || !summary.success) process.exit(1);
}
process.exit(vitest.status === 0 && summary ? 0 : 1);

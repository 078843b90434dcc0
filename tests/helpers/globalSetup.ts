/**
 * Builds the client once before any test file runs, so browser tests serve exactly what
 * `npm start` would. Fails loudly: a broken build must fail the run, not skip the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (!existsSync('client/index.html')) return; // before the client exists there is nothing to build
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

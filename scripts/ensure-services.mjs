#!/usr/bin/env node
// The scale-out test starts a throwaway redis-server and PostgreSQL from Debian's packages.
// Install them when missing and we are root (apt-get update once); otherwise stop with the one
// command to run. The test itself fails loudly when a binary is still missing: never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory holding initdb, or null. */
export function postgresBin() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(`${PG_ROOT}/${v}/bin/initdb`));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${PG_ROOT}/${versions[0]}/bin` : null;
}

function redisVersion() {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const missing = [];
if (!redisVersion()) missing.push('redis-server');
if (!postgresBin()) missing.push('postgresql');

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing for the scale-out test: ${missing.join(', ')}. Install with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${missing.join(' and ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  // The packages start system-wide services; the tests run their own throwaway instances.
  if (!redisVersion() || !postgresBin()) {
    console.error(`apt-get finished but a binary is still missing. Run: apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}
console.log(`Scale-out test uses ${redisVersion()} and PostgreSQL in ${postgresBin()}`);

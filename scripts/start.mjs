#!/usr/bin/env node
// `npm start`: builds the client when no build exists, then runs the server in this process's
// place (signals are forwarded so SIGTERM still flushes every wall).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const staticDir = process.env.STATIC_DIR ?? 'dist';
if (!existsSync(`${staticDir}/index.html`)) {
  console.log(`No client build in ${staticDir}/ yet: building it (takes a few seconds)…`);
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// --expose-gc: a big wall's load collects V8's young generation between its stored parts
// (server/rooms/youngGeneration.ts); docs/deploy.md runs the server the same way.
const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

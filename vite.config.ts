import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Emits /sw.js at build time with the exact list of built files to precache. Hand-written
 * instead of a PWA plugin to keep the dependency tree small; the worker itself is
 * client/sw/sw.js, with two placeholders filled in here.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const TEMPLATE = join(here, 'client', 'sw', 'sw.js');
const PUBLIC_DIR = join(here, 'client', 'public');

function publicFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(publicFiles(full));
    else out.push('/' + relative(PUBLIC_DIR, full).split('\\').join('/'));
  }
  return out;
}

export function serviceWorker(): Plugin {
  return {
    name: 'pajaseina-service-worker',
    apply: 'build',
    // After Vite's own HTML plugin, so index.html is already in the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (fileName.endsWith('.map') || fileName === 'index.html') continue;
        files.push('/' + fileName);
        hash.update(fileName);
      }
      const html = bundle['index.html'];
      if (html && html.type === 'asset') hash.update(String(html.source));
      for (const f of publicFiles(PUBLIC_DIR)) if (f !== '/sw.js') files.push(f);
      files.sort();
      const version = hash.digest('hex').slice(0, 12);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('__PRECACHE_VERSION__', version)
        .replace('[/*__PRECACHE_FILES__*/]', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/**
 * Writes a .br and a .gz beside every text file of the build, once, at maximum compression;
 * the server sends them to browsers that accept them (@fastify/static preCompressed). On a slow
 * mobile connection the first visit is mostly download time.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pajaseina-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of [...Object.keys(bundle), 'sw.js']) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        let source: Buffer;
        try {
          source = readFileSync(path);
        } catch {
          continue;
        }
        if (source.byteLength < 1024) continue;
        writeFileSync(path + '.gz', gzipSync(source, { level: 9 }));
        writeFileSync(path + '.br', brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The client lives in client/; the server serves the build from dist/ (STATIC_DIR).
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [preact(), serviceWorker(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2020',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
});

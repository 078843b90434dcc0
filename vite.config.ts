import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';
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

const SHARED_I18N = join(here, 'shared', 'i18n', 'index.ts');
const CLIENT_CATALOGS = join(here, 'client', 'languageCatalogs.ts');
const CATALOG_MODULE = 'virtual:pajaseina-catalog/';

/**
 * One language per chunk in the browser. shared/i18n merges every catalog of all three languages
 * (the server and the tests use it so); the client's imports of it go to client/languageCatalogs.ts
 * instead, which imports `virtual:pajaseina-catalog/<language>`: each one language's merged
 * catalog from shared/i18n, written out here as JSON (parsed faster than an object literal).
 */
export function languageCatalogs(): Plugin {
  return {
    name: 'pajaseina-language-catalogs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith(CATALOG_MODULE)) return '\0' + source;
      if (!importer || importer === CLIENT_CATALOGS || !source.startsWith('.')) return null;
      const target = resolve(importer, '..', source);
      return target === SHARED_I18N || target + '.ts' === SHARED_I18N || join(target, 'index.ts') === SHARED_I18N ? CLIENT_CATALOGS : null;
    },
    async load(id) {
      if (!id.startsWith('\0' + CATALOG_MODULE)) return null;
      // Read through Vite's module runner (TypeScript, extensionless imports), fresh each time.
      const { catalogs } = (await runnerImport<typeof import('./shared/i18n/index.ts')>(SHARED_I18N)).module;
      const language = id.slice(1 + CATALOG_MODULE.length);
      const messages = language in catalogs ? catalogs[language as keyof typeof catalogs] : null;
      if (!messages) throw new Error(`no catalog for ${language}`);
      this.addWatchFile(join(here, 'shared', 'i18n'));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
    },
  };
}

// The client lives in client/; the server serves the build from dist/ (STATIC_DIR).
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [languageCatalogs(), preact(), serviceWorker(), precompress()],
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

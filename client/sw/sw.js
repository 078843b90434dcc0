/* Pajaseinä service worker: a wall once opened loads again on the same link with no network.
 * Built by the plugin in vite.config.ts, which fills in the version and the list of built files.
 *
 *  - /assets/* (hashed names, never change): cache first.
 *  - navigations (/, /w/*): network first, falling back to the cached app shell. The shell is
 *    the same index.html for every route, so one cached copy serves them all.
 *  - /api and /ws: never touched. Wall content works offline through IndexedDB, not this cache.
 */
const VERSION = '__PRECACHE_VERSION__';
const FILES = [/*__PRECACHE_FILES__*/];
const CACHE = 'pajaseina-' + VERSION;
const SHELL = '/index.html';
// On a weak connection a navigation may hang for long; after this we serve the cached shell.
const NAVIGATION_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES);
      // Fetch the shell as "/" so this works whether or not the server answers /index.html.
      const shell = await fetch('/', { cache: 'reload', credentials: 'same-origin' });
      if (shell.ok) await cache.put(SHELL, shell);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('pajaseina-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

function isBypassed(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/api' || url.pathname.startsWith('/ws');
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function navigation(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS)),
    ]);
    const type = response.headers.get('content-type') || '';
    if (response.ok && type.includes('text/html')) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isBypassed(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

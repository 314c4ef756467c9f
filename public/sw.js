// Offline reading: pages are fetched from the network first and kept as they are read, so the
// catalogue and every entry a reader has opened can be read again without a connection. Built
// assets (hashed names) are served from the cache. The site works the same without this worker.
const VERSION = 'v1';
const PAGES = `pages-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
// The worker's scope is the site's base (`/` or e.g. `/gzf/`, set where it is registered), so
// every path here is relative to it and the site works under any sub-path.
const BASE = new URL(self.registration.scope).pathname;
const PRECACHE = ['', 'cases/', 'offline/'].map((p) => BASE + p);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => ![PAGES, ASSETS].includes(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;

  if (url.pathname.startsWith(`${BASE}_astro/`)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            const copy = response.clone();
            caches.open(ASSETS).then((cache) => cache.put(request, copy));
            return response;
          }),
      ),
    );
    return;
  }

  if (request.mode === 'navigate' || url.pathname.startsWith(`${BASE}pagefind/`) || url.pathname.endsWith('.json')) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(PAGES).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .match(request, { ignoreSearch: request.mode === 'navigate' })
            .then((hit) => hit || (request.mode === 'navigate' ? caches.match(`${BASE}offline/`) : Response.error())),
        ),
    );
  }
});

// Recovery Lab's service worker: offline use.
//
// This file is a template. The release build (Trunk's post_build hook, scripts/sw-precache.mjs)
// writes dist/sw.js from it, with the block between the two marker lines replaced by the build's
// values: VERSION, a hash of every file in dist/ (names and contents), and PRECACHE, the list of
// those files. So every build that changes any file gives a new sw.js, which the browser sees as
// an update. A debug build (`trunk serve`) writes ENABLED = false: that worker caches nothing,
// answers no request and deletes what an earlier release worker cached on the same origin, so the
// dev server always serves fresh files.
//
// Lifecycle:
//   install   caches every file of PRECACHE in the cache "recovery-lab-<VERSION>" (first load:
//             the page works offline from then on).
//   waiting   a new version waits while a page of the old one is open; the page shows a banner
//             (index.html's registration script) and, when clicked, posts {type: "SKIP_WAITING"}.
//   activate  deletes every other "recovery-lab-" cache and takes control of the open pages.
//   fetch     same-origin GETs of a cached file are answered from the cache; a navigation to
//             any other address in scope (a share link `?v=1&…`, any query) gets the cached
//             index.html, as the static server would; anything else goes to the network.
// Nothing is ever fetched from another origin.

// @build-values-start (the build replaces the lines up to @build-values-end)
const VERSION = "unbuilt";
const PRECACHE = [];
const ENABLED = false;
// @build-values-end

const PREFIX = "recovery-lab-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL("index.html", SCOPE).href;
// Absolute URLs (no query, no fragment) of the cached files.
const CACHED = new Set(PRECACHE.map((path) => new URL(path, SCOPE).href));

/** Deletes every cache of this app but `keep`; returns how many it deleted. */
async function deleteCaches(keep) {
  const old = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== keep);
  await Promise.all(old.map((n) => caches.delete(n)));
  return old.length;
}

self.addEventListener("install", (event) => {
  if (!ENABLED) {
    self.skipWaiting();
    return;
  }
  // "no-cache": revalidate with the server rather than trust the HTTP cache, so the cache
  // holds this build's files. If any file fails, the install fails and the old version stays.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...CACHED].map((url) => new Request(url, { cache: "no-cache" })))),
  );
  // No skipWaiting here: an update waits for the reader (the banner) or for every tab of the
  // old version to close, so one page never mixes two builds' files.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const deleted = await deleteCaches(ENABLED ? CACHE : null);
      await self.clients.claim();
      if (!ENABLED && deleted > 0) {
        // A release worker served these pages from its cache: reload them from the dev server.
        for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url).catch(() => {});
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: true });
  // A file missing from the cache (the browser evicted it) comes from the network.
  return hit || fetch(request);
}

if (ENABLED) {
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    if (url.origin !== SCOPE.origin) return;
    url.search = "";
    url.hash = "";
    if (CACHED.has(url.href)) {
      event.respondWith(fromCache(url.href, request));
    } else if (request.mode === "navigate" && url.href.startsWith(SCOPE.href)) {
      // The scope's root with any query (share links), or another path of the single page.
      event.respondWith(fromCache(INDEX, request));
    }
  });
}

// Rekam offline shell: precaches the app so deep links (/daftar, /s/{code}) and the form open with
// no network; API requests go to the network first and fall back to the last answer for GETs.
// File names carry no hash, so bump VERSION whenever the precache list changes (and STAFF_CACHE
// whenever STAFF changes). Each cache is served first and refreshed as a whole in the background
// (the shell on each page load, the staff files when a staff screen asks), so a new build reaches
// devices on their next visit.
const VERSION = "rekam-shell-v2";
// "/" stands for index.html: the static host redirects /index.html to /, and a redirected
// response cannot answer a navigation.
const SHELL = ["/", "/boot.js", "/style.css", "/pkg/app.js", "/pkg/app_bg.wasm"];
const API_CACHE = "rekam-api-v2";
// The staff Web Worker (fingerprint extraction, QR reading): about 390 KB that residents never
// need, so it is not in SHELL. The kecamatan console posts "precache-staff" when it loads, so a
// tablet that goes offline before its first recording can still read fingerprints.
const STAFF_CACHE = "rekam-staff-v1";
const STAFF = ["/pkg/extract_worker.js", "/pkg/extract_worker_bg.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const keep = [VERSION, API_CACHE, STAFF_CACHE];
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rekam-") && !keep.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "precache-staff") event.waitUntil(refresh(STAFF_CACHE, STAFF));
});

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw e;
  }
}

// Refreshes a cache's files together, and only if every file arrived: app.js and app_bg.wasm
// (like the worker's script and wasm) must come from the same build, so a half-updated cache
// would break the app.
async function refresh(name, urls) {
  try {
    const responses = await Promise.all(urls.map((u) => fetch(u, { cache: "no-cache" })));
    if (!responses.every((r) => r.ok)) return;
    const cache = await caches.open(name);
    await Promise.all(urls.map((u, i) => cache.put(u, responses[i])));
  } catch (e) {
    // Offline or a dropped line: keep the cached files.
  }
}

// Cache first (instant on a slow line), network when the file is not cached yet.
async function cacheFirst(name, request) {
  const cache = await caches.open(name);
  // Navigations to any app path get the one index.html, cached as "/" (the router picks the page).
  const cached = await cache.match(request.mode === "navigate" ? "/" : request);
  if (cached) return cached;
  return fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) {
    // Submissions and other writes are never cached or replayed here: the app retries them
    // itself with the draft's idempotency key. Only public answers (region lists, the public
    // status) may be kept on the device: staff and session answers carry personal data and are
    // never written to Cache Storage.
    const publicApi = url.pathname.startsWith("/api/regions/") || url.pathname.startsWith("/api/status/");
    if (request.method === "GET" && publicApi) event.respondWith(networkFirst(request));
    return;
  }
  if (request.method !== "GET") return;
  if (STAFF.includes(url.pathname)) {
    event.respondWith(cacheFirst(STAFF_CACHE, request));
    return;
  }
  event.respondWith(cacheFirst(VERSION, request));
  if (request.mode === "navigate") event.waitUntil(refresh(VERSION, SHELL));
});

// Rekam offline shell: precaches the app so deep links (/daftar, /s/{code}) and the form open with
// no network; API requests go to the network first and fall back to the last answer for GETs.
// File names carry no hash, so bump VERSION whenever the precache list changes. The shell is
// served from the cache and refreshed as a whole in the background on each page load, so a new
// build reaches phones on their next visit.
const VERSION = "rekam-shell-v2";
// "/" stands for index.html: the static host redirects /index.html to /, and a redirected
// response cannot answer a navigation.
const SHELL = ["/", "/boot.js", "/style.css", "/pkg/app.js", "/pkg/app_bg.wasm"];
const API_CACHE = "rekam-api-v2";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rekam-") && k !== VERSION && k !== API_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
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

// Refreshes the whole shell together, and only if every file arrived: app.js and app_bg.wasm
// must come from the same build, so a half-updated cache would break the app.
async function refreshShell() {
  try {
    const responses = await Promise.all(SHELL.map((u) => fetch(u, { cache: "no-cache" })));
    if (!responses.every((r) => r.ok)) return;
    const cache = await caches.open(VERSION);
    await Promise.all(SHELL.map((u, i) => cache.put(u, responses[i])));
  } catch (e) {
    // Offline or a dropped line: keep the cached shell.
  }
}

// Cache first (instant on a slow line), network when the file is not cached yet.
async function shell(request) {
  const cache = await caches.open(VERSION);
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
  event.respondWith(shell(request));
  if (request.mode === "navigate") event.waitUntil(refreshShell());
});

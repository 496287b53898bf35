// Rekam offline shell: precaches the app so deep links (/daftar, /s/{code}) and the form open with
// no network; API requests go to the network first and fall back to the last answer for GETs.
// File names carry no hash, so bump VERSION whenever the precache list changes. The shell is
// served from the cache and refreshed as a whole in the background on each page load, so a new
// build reaches phones on their next visit.
const VERSION = "rekam-shell-v4";
// "/" stands for index.html: the static host redirects /index.html to /, and a redirected
// response cannot answer a navigation.
// Both residents' bundles: the form (`resident`) and the landing/status pages (`public`).
const SHELL = ["/", "/boot.js", "/style.css", "/pkg/resident.js", "/pkg/resident_bg.wasm", "/pkg/public.js", "/pkg/public_bg.wasm"];
// The staff consoles and their extraction worker: cached only on devices that open a staff page
// (boot.js asks for it), so residents' phones never download them, and a tablet that goes offline
// before its first recording can still extract.
const STAFF_VERSION = "rekam-staff-v1";
const STAFF = ["/staff.css", "/pkg/staff.js", "/pkg/staff_bg.wasm", "/pkg/extract_worker.js", "/pkg/extract_worker_bg.wasm"];
// The /v page's camera QR decoder: cached on devices that open /v (boot.js asks for it), so a
// phone that checked a certificate once can scan with no network.
const VERIFY_VERSION = "rekam-verify-v1";
const VERIFY = ["/qr-worker.js", "/pkg/qr_decode.js", "/pkg/qr_decode_bg.wasm"];
const API_CACHE = "rekam-api-v2";
const KEEP = [VERSION, STAFF_VERSION, VERIFY_VERSION, API_CACHE];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rekam-") && !KEEP.includes(k)).map((k) => caches.delete(k))))
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

// Refreshes a set of files together, and only if every file arrived: a bundle's JS glue and its
// wasm must come from the same build, so a half-updated cache would break the app.
async function refreshSet(name, files) {
  try {
    const responses = await Promise.all(files.map((u) => fetch(u, { cache: "no-cache" })));
    if (!responses.every((r) => r.ok)) return;
    const cache = await caches.open(name);
    await Promise.all(files.map((u, i) => cache.put(u, responses[i])));
  } catch (e) {
    // Offline or a dropped line: keep the cached copies.
  }
}

const isStaffPath = (path) => /^\/(staf|kecamatan|dinas)(\/|$)/.test(path);

self.addEventListener("message", (event) => {
  if (event.data === "cache-staff") event.waitUntil(refreshSet(STAFF_VERSION, STAFF));
  if (event.data === "cache-verify") event.waitUntil(refreshSet(VERIFY_VERSION, VERIFY));
});

// Cache first (instant on a slow line), network when the file is not cached yet.
async function shell(request) {
  // Navigations to any app path get the one index.html, cached as "/" (the router picks the page).
  const cached = await caches.match(request.mode === "navigate" ? "/" : request);
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
    const publicApi = url.pathname === "/api/regions" || url.pathname.startsWith("/api/regions/") || url.pathname.startsWith("/api/status/");
    if (request.method === "GET" && publicApi) event.respondWith(networkFirst(request));
    return;
  }
  if (request.method !== "GET") return;
  event.respondWith(shell(request));
  if (request.mode === "navigate") {
    event.waitUntil(refreshSet(VERSION, SHELL));
    if (isStaffPath(url.pathname)) event.waitUntil(refreshSet(STAFF_VERSION, STAFF));
    if (url.pathname === "/v") event.waitUntil(refreshSet(VERIFY_VERSION, VERIFY));
  }
});

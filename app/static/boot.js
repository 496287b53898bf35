// Loads this page's wasm bundle and registers the offline service worker; kept in a file of its
// own so the Content-Security-Policy needs no inline script.
// Three bundles: the pre-fill form (`resident`), the landing and status pages (`public`), the
// staff consoles (`staff`). The rule matches `Bundle::of` in app/src/routes/mod.rs.
const segments = location.pathname.split("/").filter(Boolean);
const staff = ["staf", "kecamatan", "dinas"].includes(segments[0]);
const name = staff ? "staff" : segments.length === 1 && segments[0] === "daftar" ? "resident" : "public";
// Start the wasm download before the JS glue arrives: the two travel in parallel.
const wasm = fetch(`/pkg/${name}_bg.wasm`);
// Until the app mounts (it removes #boot), the page says it is loading; if the bundle cannot be
// fetched (offline before the first visit was cached, a dropped line), it says so in the chosen
// language instead of staying blank.
let english = false;
try {
  english = localStorage.getItem("rekam.lang") === "en";
} catch (e) {
  // Storage blocked (a privacy setting): Indonesian, the default.
}
const boot = document.getElementById("boot");
if (boot) boot.textContent = english ? "Loading…" : "Memuat…";
import(`/pkg/${name}.js`)
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch(() => {
    if (boot) {
      boot.setAttribute("role", "alert");
      boot.textContent = english
        ? "The page could not load. Check the connection, then reload."
        : "Halaman tidak dapat dimuat. Periksa sambungan internet, lalu muat ulang.";
    }
  });
if ("serviceWorker" in navigator) {
  // After the page has loaded, so precaching never competes with the first paint on a slow line.
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((e) => console.warn("service worker not registered", e));
    // A staff device keeps the consoles and the extraction worker for offline use from its first visit.
    if (staff) navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage("cache-staff"));
    // The verification page keeps its camera QR decoder, so scanning works offline too.
    if (location.pathname === "/v") navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage("cache-verify"));
  });
}

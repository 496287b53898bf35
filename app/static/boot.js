// Loads this page's wasm bundle and registers the offline service worker; kept in a file of its
// own so the Content-Security-Policy needs no inline script.
// Three bundles: the pre-fill form (`resident`), the landing and status pages (`public`), the
// staff consoles (`staff`). The rule matches `Bundle::of` in app/src/routes/mod.rs.
const segments = location.pathname.split("/").filter(Boolean);
const staff = ["staf", "kecamatan", "dinas"].includes(segments[0]);
const name = staff ? "staff" : segments.length === 1 && segments[0] === "daftar" ? "resident" : "public";
// Start the wasm download before the JS glue arrives: the two travel in parallel.
const wasm = fetch(`/pkg/${name}_bg.wasm`);
import(`/pkg/${name}.js`).then((glue) => glue.default({ module_or_path: wasm }));
if ("serviceWorker" in navigator) {
  // After the page has loaded, so precaching never competes with the first paint on a slow line.
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((e) => console.warn("service worker not registered", e));
    // A staff device keeps the consoles and the extraction worker for offline use from its first visit.
    if (staff) navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage("cache-staff"));
  });
}

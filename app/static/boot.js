// Loads the app's wasm and registers the offline service worker; kept in a file of its own so the
// Content-Security-Policy needs no inline script.
import init from "/pkg/app.js";
init({ module_or_path: "/pkg/app_bg.wasm" });
if ("serviceWorker" in navigator) {
  // After the page has loaded, so precaching never competes with the first paint on a slow line.
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((e) => console.warn("service worker not registered", e));
  });
}

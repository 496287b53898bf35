// Loads the app's wasm; kept in a file of its own so the Content-Security-Policy needs no inline script.
import init from "/pkg/app.js";
init({ module_or_path: "/pkg/app_bg.wasm" });

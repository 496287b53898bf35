// The /v page's QR reader: a module worker started only when the camera is opened. It loads the
// small QR decoder (pkg/qr_decode, rqrr compiled to wasm) and answers each camera frame (8-bit
// luma) with the text of the QR code found, or null, and the time the decoding took.
import init, { decode } from "/pkg/qr_decode.js";

const ready = init({ module_or_path: "/pkg/qr_decode_bg.wasm" });

self.onmessage = async (event) => {
  await ready;
  const { width, height, luma } = event.data;
  const started = performance.now();
  const text = decode(width, height, luma) ?? null;
  self.postMessage({ text, millis: performance.now() - started });
};

// WebAssembly half of tools/bench-engine-wasm.sh: times the extractor compiled to wasm32 in Node's
// V8 on the raw images the native half wrote, fastest of REPEATS runs per image, like the native one.
// usage: node bench-engine-wasm.mjs MODULE.wasm RAW_DIR NATIVE_MS NATIVE_MINUTIAE
import { readFileSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";

const REPEATS = 5;
const [wasmPath, rawDir, nativeMs, nativeMinutiae] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const { memory, alloc, dealloc, extract_minutiae } = instance.exports;

let totalMs = 0;
let minutiae = 0;
const files = readdirSync(rawDir).filter((f) => f.endsWith(".gray")).sort();
for (const file of files) {
  const raw = readFileSync(`${rawDir}/${file}`);
  const width = raw.readUInt32LE(0);
  const height = raw.readUInt32LE(4);
  const len = width * height;
  const ptr = alloc(len);
  new Uint8Array(memory.buffer, ptr, len).set(raw.subarray(8, 8 + len));
  let best = Infinity;
  let count = -1;
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    count = extract_minutiae(ptr, width, height);
    best = Math.min(best, performance.now() - start);
  }
  dealloc(ptr, len);
  totalMs += best;
  minutiae += count;
}
const wasmMs = totalMs / files.length;
console.log(`images=${files.length} native_ms=${Number(nativeMs).toFixed(2)} wasm_ms=${wasmMs.toFixed(2)} ratio=${(wasmMs / Number(nativeMs)).toFixed(2)}`);
console.log(`minutiae native=${nativeMinutiae} wasm=${minutiae}${Number(nativeMinutiae) === minutiae ? " (identical)" : " (differ: float library differences)"}`);

// Loads the SPA: wasm-bindgen's `--target web` glue, then the WebAssembly module.
import init from '/guichet.js';

init({ module_or_path: '/guichet_bg.wasm' });

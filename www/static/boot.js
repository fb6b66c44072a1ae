// Starts the app: loads the wasm module, then mounts the Yew page into #app.
// Kept outside index.html so the page runs under a strict CSP (no inline script).
// What the page does without the wasm (the crash banner, the iframe height) is page.js.
import init, { mount } from './pkg/nianbao_web.js';

// Where the page's files are, for the modules loaded later (www/src/files.js).
globalThis.nianbaoAssets = new URL('./', import.meta.url).href;

const root = document.getElementById('app');
const fallback = document.getElementById('nb-fallback');

function fail(message) {
  const loading = document.getElementById('nb-loading');
  if (loading) loading.textContent = '加载失败：' + message;
}

if (typeof WebAssembly !== 'object') {
  fail('当前浏览器不支持 WebAssembly。');
} else {
  init().then(() => {
    fallback.remove();
    mount(root);
  }, (err) => fail(String(err && err.message ? err.message : err)));
}

// Starts the app: loads the wasm module, then mounts the Yew page into #app.
// Kept outside index.html so the page runs under a strict CSP (no inline script).
import init, { mount } from './pkg/nianbao_web.js';

const root = document.getElementById('app');
const fallback = document.getElementById('nb-fallback');

function fail(message) {
  const loading = document.getElementById('nb-loading');
  if (loading) loading.textContent = '加载失败：' + message;
}

// Embedded in an iframe: tell the parent page the height it needs, whenever it changes:
// window.addEventListener('message', (e) => { if (e.data?.nianbao === 'height') frame.style.height = e.data.height + 'px'; });
if (window.parent !== window && typeof ResizeObserver === 'function') {
  const post = () => window.parent.postMessage({ nianbao: 'height', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(post).observe(document.documentElement);
}

if (typeof WebAssembly !== 'object') {
  fail('当前浏览器不支持 WebAssembly。');
} else {
  init().then(() => {
    fallback.remove();
    mount(root);
  }, (err) => fail(String(err && err.message ? err.message : err)));
}

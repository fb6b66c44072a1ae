// Starts the app: loads the wasm module, then mounts the Yew page into #app.
// Kept outside index.html so the page runs under a strict CSP (no inline script).
import init, { mount } from './pkg/nianbao_web.js';

// Where the page's files are, for the modules loaded later (www/src/files.js).
globalThis.nianbaoAssets = new URL('./', import.meta.url).href;

const root = document.getElementById('app');
const fallback = document.getElementById('nb-fallback');

function fail(message) {
  const loading = document.getElementById('nb-loading');
  if (loading) loading.textContent = '加载失败：' + message;
}

// Embedded in an iframe: tell the parent page the height it needs, whenever it changes:
// window.addEventListener('message', (e) => { if (e.data?.nianbao === 'height') frame.style.height = e.data.height + 'px'; });
// Only to the parent's own origin (from the browser, else the referrer): the message never goes to '*'.
function parentOrigin() {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== 'null') return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}
const parent = window.parent !== window ? parentOrigin() : null;
if (parent && typeof ResizeObserver === 'function') {
  const post = () => window.parent.postMessage({ nianbao: 'height', height: document.documentElement.scrollHeight }, parent);
  new ResizeObserver(post).observe(document.documentElement);
}

// The crash banner's buttons (the banner is drawn by the wasm's panic hook). Handled
// here, in plain script, because after a panic the wasm may not run any more.
// The keys are the page's (www/src/browser.rs): the draft, and the text being checked.
document.addEventListener('click', (e) => {
  const id = e.target && e.target.id;
  if (id !== 'nb-crash-clear' && id !== 'nb-crash-reload') return;
  try {
    if (id === 'nb-crash-clear') {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('nianbao.pending')) localStorage.removeItem(key);
      }
      localStorage.removeItem('nianbao.draft');
    }
  } catch {
    // Storage unavailable: a reload still starts without a check.
  }
  window.location.reload();
});

if (typeof WebAssembly !== 'object') {
  fail('当前浏览器不支持 WebAssembly。');
} else {
  init().then(() => {
    fallback.remove();
    mount(root);
  }, (err) => fail(String(err && err.message ? err.message : err)));
}

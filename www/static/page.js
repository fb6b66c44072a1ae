// What the page does without the wasm, so that it works when the wasm does
// not: the crash banner and its buttons, and the height an embedding page
// needs. Loaded before boot.js; the single-file build (dist/nianbao.html)
// carries it inline (xtask/src/dist.rs).

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

// The crash banner, drawn here in plain script because after a failure the wasm
// may not run any more: a panic (its hook reports it through nianbaoCrash), or a trap
// the wasm cannot report (memory exhausted: allocation failure aborts). The editor
// stays with its text; the text being checked stays pending, so a reload does not
// check it again. The keys are the page's (www/src/browser.rs).
function showCrash(detail) {
  if (document.querySelector('.nb-crash')) return;
  const banner = document.createElement('div');
  banner.className = 'nb-crash';
  banner.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = '检查时出错，页面已停止更新。文字仍在输入框中，可以复制保存；刷新页面后不会自动重新检查这份文字，' +
    '可以选择重试或清空。请把这份报告和下面的信息反馈给维护者：' + detail;
  banner.append(p);
  for (const [id, label] of [['nb-crash-reload', '刷新页面（不自动检查）'], ['nb-crash-clear', '清空并重新开始']]) {
    const button = document.createElement('button');
    button.id = id;
    button.type = 'button';
    button.className = 'nb-button';
    button.textContent = label;
    banner.append(button);
  }
  document.body.prepend(banner);
}
globalThis.nianbaoCrash = showCrash;

function trapped(error) {
  if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) {
    showCrash('程序中止（可能是内存不足）：' + error.message);
  }
}
window.addEventListener('error', (e) => trapped(e.error));
window.addEventListener('unhandledrejection', (e) => trapped(e.reason));

document.addEventListener('click', (e) => {
  const id = e.target && e.target.id;
  if (id !== 'nb-crash-clear' && id !== 'nb-crash-reload') return;
  try {
    if (id === 'nb-crash-clear') {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('nianbao.pending')) localStorage.removeItem(key);
      }
      localStorage.removeItem('nianbao.draft');
      localStorage.removeItem('nianbao.draft.limits');
      localStorage.removeItem('nianbao.draft.verified');
      localStorage.removeItem('nianbao.draft.file');
    }
  } catch {
    // Storage unavailable: a reload still starts without a check.
  }
  window.location.reload();
});

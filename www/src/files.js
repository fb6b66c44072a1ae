// Also the examples (载入示例): text files beside the page, fetched when chosen (the
// single-file build carries them inline, globalThis.nianbaoExamples).
//
// Loads the page's second wasm module (www/files: the Word and PDF readers) the first
// time a Word document or a PDF is opened, so the first load stays small. Same origin,
// relative to the page's own files (boot.js says where they are); the
// single-file build carries it inline instead (globalThis.nianbaoFiles), and
// this file too, wrapped in a function of its own (xtask/src/dist.rs).
let filesModule = null;

async function loadFilesModule() {
  if (typeof globalThis.nianbaoFiles === 'function') return globalThis.nianbaoFiles();
  const base = globalThis.nianbaoAssets || new URL('./', document.baseURI).href;
  const m = await import(new URL('pkg/files/nianbao_files.js', base).href);
  await m.default();
  return m;
}

// The text of a Word document: [text, limits]; rejects with the message to show.
export function readDocx(bytes) {
  filesModule = filesModule || loadFilesModule();
  return filesModule.then((m) => m.readDocx(bytes), (err) => {
    filesModule = null;
    throw '无法载入 Word 文档读取模块：' + (err && err.message ? err.message : err);
  });
}

// The text of a PDF; rejects with the message to show.
export function readPdf(bytes) {
  filesModule = filesModule || loadFilesModule();
  return filesModule.then((m) => {
    try {
      return m.readPdf(bytes);
    } catch (err) {
      // A trap (out of memory on a hostile file) leaves the module unusable: the next file loads it anew.
      if (err instanceof WebAssembly.RuntimeError) {
        filesModule = null;
        throw '读取这个 PDF 时出错（' + err.message + '），请改为打开它的 .docx 文件';
      }
      throw err;
    }
  }, (err) => {
    filesModule = null;
    throw '无法载入 PDF 读取模块：' + (err && err.message ? err.message : err);
  });
}

// The text of the example `name` (a file under examples/); rejects with the message to show.
export function readExample(name) {
  const inline = globalThis.nianbaoExamples;
  if (inline && typeof inline[name] === 'string') return Promise.resolve(inline[name]);
  const base = globalThis.nianbaoAssets || new URL('./', document.baseURI).href;
  return fetch(new URL('examples/' + name, base).href).then(
    (r) => (r.ok ? r.text() : Promise.reject('无法载入示例（HTTP ' + r.status + '）')),
    (err) => Promise.reject('无法载入示例：' + (err && err.message ? err.message : err)),
  );
}

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

// The rules' documentation (rules.json beside the page, `nianbao rules --format json`:
// the first load does not carry it), fetched once when a finding's explanation is first opened; inline
// in the single-file build (globalThis.nianbaoRules). Rejects with the message to show.
let rules = null;
export function readRules() {
  if (globalThis.nianbaoRules) return Promise.resolve(globalThis.nianbaoRules);
  if (!rules) {
    const base = globalThis.nianbaoAssets || new URL('./', document.baseURI).href;
    rules = fetch(new URL('rules.json', base).href).then(
      (r) => (r.ok ? r.json() : Promise.reject('无法载入规则说明（HTTP ' + r.status + '）')),
      (err) => Promise.reject('无法载入规则说明：' + (err && err.message ? err.message : err)),
    );
    // A failed load is tried again the next time.
    rules.catch(() => { rules = null; });
  }
  return rules;
}

// The documentation of rule `code`: {what, why, bad, good, basis}.
export function readRule(code) {
  return readRules().then((all) => all.find((r) => r.code === code) || Promise.reject('没有这条规则的说明'));
}

// The batch's summary (the page's third wasm module, www/batch), loaded the first time
// many files are opened at once; inline in the single-file build (globalThis.nianbaoBatch).
let batchModule = null;
let running = null;

async function loadBatchModule() {
  if (typeof globalThis.nianbaoBatch === 'function') return globalThis.nianbaoBatch();
  const base = globalThis.nianbaoAssets || new URL('./', document.baseURI).href;
  const m = await import(new URL('pkg/batch/nianbao_batch.js', base).href);
  await m.default();
  return m;
}

// Checks `files` ([[name, File, chosen], …]) as a batch, its summary mounted into `root`
// (a newer batch replaces it). `onOpen(file, row)`: a file chosen in the summary;
// `onBack()`: back to the editor. Rejects with the message to show.
export function openBatch(root, files, onOpen, onBack) {
  // The last batch's summary goes, and its checking stops where it is.
  if (running && running.summary) running.summary.destroy();
  if (running) running.control.stop();
  const mine = { summary: null, control: stopper() };
  running = mine;
  batchModule = batchModule || loadBatchModule();
  return batchModule.then((ui) => {
    if (running !== mine) return;
    mine.summary = ui.mountSummary(root, onOpen, onBack);
    const progress = (m) => { if (running === mine) mine.summary.progress(m); };
    return startBatch(files, progress, mine.control).then((handle) => {
      if (handle && running === mine) mine.summary.ready(handle);
    });
  }, (err) => {
    batchModule = null;
    running = null;
    throw '无法载入批量检查模块：' + message(err);
  });
}

// A batch: many files checked one by one by the files module's Batch, off the main
// thread in a module Worker running this very file, or, where there is none (older
// Firefox, a page opened from disk, the single-file build), here between the page's
// frames. `files`: [[name, File, chosen], …] (chosen: named by the user, not found in a
// folder); `onProgress({rows, done, total, final, failed})` gets the rows as they come
// (at most every 100 ms, and the last at once). Resolves, once checking has begun, to a
// handle: { export(kind) → Promise<string>, file(i) → Promise<array|null> }: a file
// checked can be opened while the others are (exports wait for the last progress,
// `final`), or to null when the checking could not begin (said by the last progress,
// `failed`). After a failure its asks give nothing (they fail, or give null). `control.stop()` (a `stopper()`) ends the
// checking at once: the Worker is ended, or the loop here stops before its next file.
export function startBatch(files, onProgress, control = stopper()) {
  const list = Array.from(files).sort((a, b) => byPath(a[0], b[0]));
  const progress = throttled(onProgress);
  const worker = control.stopped ? null : moduleWorker();
  if (!worker) return inPage(list, progress, control);
  let asked = 0;
  const answers = new Map();
  // An ended Worker answers nothing: what was asked of it fails, and what is asked later.
  let ended = null;
  const end = (why) => {
    ended = why;
    worker.terminate();
    for (const answer of answers.values()) answer.reject(why);
    answers.clear();
  };
  control.onStop = () => end('已停止');
  const asking = (message) => (ended !== null ? Promise.reject(ended) : ask(worker, answers, ++asked, message));
  return new Promise((resolve) => {
    let started = false;
    const handle = {
      export: (kind) => asking({ ask: 'export', kind }),
      file: (i) => asking({ ask: 'file', index: i }),
    };
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.id) {
        const answer = answers.get(m.id);
        answers.delete(m.id);
        if (answer) (m.error === undefined ? answer.resolve(m.result) : answer.reject(m.error));
        return;
      }
      progress(m);
      if (m.failed) {
        // Its module is no longer usable (a trap): the Worker and its memory go.
        end(m.failed);
        if (!started) resolve(null);
      } else if (!started) {
        // Between its files the Worker answers what is asked (runBatch awaits each file's bytes).
        resolve(handle);
      }
      started = true;
    };
    // The worker could not start (a CSP without workers, a browser refusing this one): here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      if (!started) {
        worker.terminate();
        inPage(list, progress, control).then(resolve);
      } else {
        end(e.message || '后台检查出错');
        progress({ rows: [], failed: '检查中断：' + (e.message || '后台检查出错') });
        resolve(null);
      }
    };
    worker.postMessage({ base: globalThis.nianbaoAssets || new URL('./', document.baseURI).href, files: list });
  });
}

function ask(worker, answers, id, message) {
  return new Promise((resolve, reject) => {
    answers.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

// A module Worker running this file, or null where module workers are not to be had.
function moduleWorker() {
  if (typeof Worker !== 'function' || typeof globalThis.nianbaoFiles === 'function') return null;
  if (location.protocol === 'file:') return null;
  let typed = false;
  try {
    // A browser without module workers never reads `type` (and would run this as a classic script).
    const worker = new Worker(import.meta.url, { get type() { typed = true; return 'module'; } });
    if (typed) return worker;
    worker.terminate();
  } catch (_) { /* refused: checked in the page instead */ }
  return null;
}

// By path, folder by folder, as the CLI sorts (read::file::by_path): 县/a/1.txt before 县/a-b.txt.
function byPath(a, b) {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

// What stops a batch: `stop()` sets `stopped` and ends what `onStop` names (its Worker).
function stopper() {
  const control = { stopped: false, onStop: null };
  control.stop = () => {
    control.stopped = true;
    if (control.onStop) control.onStop();
  };
  return control;
}

// The progress callback called at most every 100 ms with the rows gathered since,
// and at once for the last message.
function throttled(onProgress) {
  let rows = [];
  let last = null;
  let timer = null;
  const flush = () => {
    timer = null;
    onProgress({ ...last, rows });
    rows = [];
  };
  return (m) => {
    rows = rows.concat(m.rows);
    last = m;
    if (m.final || m.failed) {
      if (timer) clearTimeout(timer);
      flush();
    } else if (!timer) {
      timer = setTimeout(flush, 100);
    }
  };
}

function message(err) {
  return err && err.message ? err.message : String(err);
}

// Each file read and checked in turn by `batch`; `post` gets the rows each added; `pause`
// lets the page draw between files, and says false when the batch was stopped. A trap
// (out of memory) ends the batch: the module is no longer usable.
// Returns how it ended: 'done', 'stopped' or 'trapped'. A file from a folder that is no row is not read at all,
// and of a file no more than its kind is read (one byte past: the core says it is too large).
async function runBatch(batch, list, post, pause) {
  const Batch = batch.constructor;
  const trapped = (err, i, name) => {
    if (!(err instanceof WebAssembly.RuntimeError)) return false;
    post({ rows: [], done: i, total: list.length, failed: '检查 ' + name + ' 时出错（' + err.message + '），已停止' });
    return true;
  };
  for (let i = 0; i < list.length; i++) {
    const [name, file, chosen] = list[i];
    let rows = [];
    try {
      // The batch holds so many reports at most (in archives too): the rest are rows saying so, not read.
      if (batch.full()) {
        rows = batch.skip(name, chosen);
      } else if (Batch.wanted(name, chosen)) {
        const bytes = new Uint8Array(await file.slice(0, Batch.readLimit(name)).arrayBuffer());
        rows = batch.add(name, bytes, chosen);
      }
    } catch (err) {
      if (trapped(err, i, name)) return 'trapped';
      rows = [batch.unreadable(name, '文件读取失败（' + message(err) + '）')];
    }
    post({ rows, done: i + 1, total: list.length });
    if ((await pause()) === false) return 'stopped';
  }
  try {
    post({ rows: batch.finish(), done: list.length, total: list.length, final: true });
  } catch (err) {
    if (!trapped(err, list.length, '全部文件')) throw err;
    return 'trapped';
  }
  return 'done';
}

// The batch on the main thread, a file per task, until `control` stops it.
async function inPage(list, progress, control) {
  filesModule = filesModule || loadFilesModule();
  let batch = null;
  try {
    const m = await filesModule;
    batch = new m.Batch();
  } catch (err) {
    filesModule = null;
    progress({ rows: [], failed: '无法载入批量检查模块：' + message(err) });
  }
  if (!batch) return null;
  if (control.stopped) {
    batch.free();
    return new Promise(() => {});
  }
  const pause = () => new Promise((r) => setTimeout(() => r(!control.stopped), 0));
  let checking = true;
  // Stopped (replaced by a newer batch): its memory goes back to the module, at once
  // or when the file being checked is done; it is asked nothing more.
  control.onStop = () => {
    if (!checking && batch) batch.free();
    if (!checking) batch = null;
  };
  (async () => {
    let ended = 'failed';
    try {
      ended = await runBatch(batch, list, progress, pause);
    } catch (err) {
      progress({ rows: [], failed: '检查中断：' + message(err) });
    }
    checking = false;
    if (ended !== 'done' && ended !== 'stopped') {
      // A trapped module is no longer usable (stopped or not): the next Word document, PDF or batch loads it afresh.
      filesModule = null;
      batch = null;
    } else if (control.stopped) {
      batch.free();
      batch = null;
    }
  })();
  // Asked between its files (each awaits a pause), never while one is being checked.
  const safely = (f) => new Promise((resolve) => resolve(batch ? f() : null));
  return {
    export: (kind) => safely(() => batch.export(kind)),
    file: (i) => safely(() => batch.file(i)),
  };
}

// In the Worker: the first message is the batch; the later ones ask for its exports and files.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  let batch = null;
  self.onmessage = async (e) => {
    const m = e.data;
    if (m.files) {
      globalThis.nianbaoAssets = m.base;
      try {
        batch = new (await loadFilesModule()).Batch();
      } catch (err) {
        self.postMessage({ rows: [], failed: '无法载入批量检查模块：' + message(err) });
        return;
      }
      try {
        await runBatch(batch, m.files, (p) => self.postMessage(p), () => Promise.resolve());
      } catch (err) {
        self.postMessage({ rows: [], failed: '检查中断：' + message(err) });
      }
      return;
    }
    try {
      const result = m.ask === 'export' ? batch.export(m.kind) : batch.file(m.index);
      self.postMessage({ id: m.id, result });
    } catch (err) {
      self.postMessage({ id: m.id, error: message(err) });
    }
  };
}

// The files of a drop that holds folders, each with its path ([[path, File, chosen], …],
// chosen: dropped itself, not found in a folder), or null when it holds no folder (the
// drop's own files are then used). Called during the drop: its items go with the event.
export function droppedFolders(dataTransfer) {
  const items = Array.from((dataTransfer && dataTransfer.items) || []);
  const entries = items.map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return null;
  const found = [];
  const walk = (entry, path, top) => new Promise((resolve) => {
    if (entry.name.startsWith('.')) resolve();
    else if (entry.isFile) entry.file((f) => { found.push([path + entry.name, f, top]); resolve(); }, () => resolve());
    else if (entry.isDirectory) {
      const reader = entry.createReader();
      // readEntries gives a folder's entries a part at a time, until an empty part.
      const more = () => reader.readEntries(async (part) => {
        if (!part.length) return resolve();
        for (const e of part) await walk(e, path + entry.name + '/', false);
        more();
      }, () => resolve());
      more();
    } else resolve();
  });
  return (async () => {
    for (const e of entries) await walk(e, '', true);
    return found;
  })();
}

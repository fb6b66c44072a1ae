// End to end: a batch (批量检查). Twenty files opened at once, a folder (chosen or dropped) and a
// .zip each give one summary row per report, checked off the main thread (no
// long task over 200 ms while checking); the summary sorts and filters; a row
// opens its report in the editor (as soon as it is checked) and 返回汇总 comes back to it; the same
// agency's consecutive years are paired (X-*); the three exports are the CLI's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { serveDist, launch, openApp, repo, cases, assertCleanAt } from './harness.mjs';

let site;
let browser;
let folder;
let names;
before(async () => {
  site = await serveDist();
  browser = await launch();
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-batch-'));
  names = await reports(folder);
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

const cli = (args, cwd) =>
  execFileSync(path.join(repo, 'target', 'debug', 'nianbao'), args, { cwd, maxBuffer: 64 << 20 }).toString();

// Twenty reports as files: eighteen cases' inputs (seeds, real crawled reports, shapes) and the two
// reports of X-COPY's example, one agency's consecutive years.
async function reports(dir) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'nianbao'], { cwd: repo });
  const all = (await fs.readdir(cases)).filter((c) => !c.startsWith('.') && c !== 'README.md').sort();
  const picked = all.filter((c) => c.startsWith('seed-') || c.startsWith('real-')).concat(all.filter((c) => !c.startsWith('seed-') && !c.startsWith('real-'))).slice(0, 18);
  const out = [];
  for (const c of picked) {
    const from = (await fs.readdir(path.join(cases, c))).find((f) => f.startsWith('input.'));
    const name = `${c}${path.extname(from)}`;
    await fs.copyFile(path.join(cases, c, from), path.join(dir, name));
    out.push(name);
  }
  const rules = JSON.parse(cli(['rules', '--format', 'json'], repo));
  const copy = rules.find((r) => r.code === 'X-COPY');
  const [last, next] = copy.bad.split('<<<下一份报告>>>\n');
  await fs.writeFile(path.join(dir, 'pair-2021.txt'), last);
  await fs.writeFile(path.join(dir, 'pair-2022.txt'), next);
  out.push('pair-2021.txt', 'pair-2022.txt');
  return out.sort();
}

// Long tasks on the main thread from now on.
async function watchLongTasks(page) {
  await page.evaluate(() => {
    globalThis.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) globalThis.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

async function summaryOf(page, count) {
  await page.locator('caption', { hasText: `汇总：${count} 份报告` }).waitFor({ timeout: 30000 });
  await page.locator('.nb-batch-status', { hasText: '已检查' }).waitFor({ timeout: 30000 });
  return page.$$eval('.nb-batch-table tbody tr', (rows) => rows.map((r) => r.querySelector('th').textContent));
}

async function download(page, label) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`text=${label}`)]);
  return fs.readFile(await d.path(), 'utf8');
}

test('twenty files at once: a summary row each, off the main thread, exports equal to the CLI', async () => {
  const app = await openApp(browser, site);
  const { page, requests } = app;
  await watchLongTasks(page);
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(names.map((n) => path.join(folder, n)));
  const rows = await summaryOf(page, 20);
  assert.deepEqual(rows, names, 'one row per file, in the order of their names');
  const longTasks = await page.evaluate(() => globalThis.longTasks);
  assert.ok(longTasks.every((t) => t <= 200), `no long task over 200 ms while checking: ${longTasks}`);
  assert.ok(requests.some((u) => u.endsWith('/pkg/batch/nianbao_batch_bg.wasm')), 'the summary module loaded');
  assert.ok(await page.locator('#nb-input').isHidden(), 'the summary stands in place of the editor');

  // The exports, byte for byte what the CLI prints for the same files.
  assert.equal(await download(page, '下载 JSON Lines'), cliOk(['check', '--format', 'json', ...names], folder));
  assert.equal(await download(page, '下载汇总表（CSV）'), cliOk(['check', '--summary', '--format', 'csv', ...names], folder));
  assert.equal(await download(page, '下载全部问题（CSV）'), cliOk(['check', '--format', 'csv', ...names], folder));

  // Paired: the two years of one agency name each other, and X-COPY is on the later one.
  const pair = page.locator('tr', { has: page.locator('th', { hasText: 'pair-2022.txt' }) });
  assert.match(await pair.textContent(), /上一年：pair-2021\.txt/);
  assert.match(await pair.textContent(), /X-COPY×1/);
  const earlier = page.locator('tr', { has: page.locator('th', { hasText: 'pair-2021.txt' }) });
  assert.match(await earlier.textContent(), /下一年：pair-2022\.txt/);

  // Sorted by errors, most first; then filtered.
  await page.click('th button:has-text("错误")');
  assert.equal(await page.getAttribute('th:has(button:has-text("错误"))', 'aria-sort'), 'descending');
  const errors = await page.$$eval('.nb-batch-table tbody tr', (rs) => rs.map((r) => Number(r.children[4]?.textContent) || 0));
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a), `errors descending: ${errors}`);
  await page.fill('.nb-batch-tools input[type=search]', 'real-');
  const filtered = await page.$$eval('.nb-batch-table tbody th', (hs) => hs.map((h) => h.textContent));
  assert.ok(filtered.length > 0 && filtered.every((f) => f.startsWith('real-')), `filtered: ${filtered}`);
  await page.fill('.nb-batch-tools input[type=search]', 'pair');

  // A row opens its report in the editor, with what was found across the batch; back returns to it.
  await page.click('button:has-text("pair-2022.txt")');
  await page.locator('#nb-batch-back').waitFor();
  assert.equal(await page.getByLabel('报告全文').inputValue(), await fs.readFile(path.join(folder, 'pair-2022.txt'), 'utf8'));
  assert.match(await page.locator('.nb-batch-bar').textContent(), /X-COPY/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'nb-batch-back');
  await page.click('#nb-batch-back');
  await page.locator('.nb-batch-table').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'pair-2022.txt', 'focus back on its row');
  assert.equal(await page.inputValue('.nb-batch-tools input[type=search]'), 'pair', 'the filter kept');
  assert.equal(await page.getAttribute('th:has(button:has-text("错误"))', 'aria-sort'), 'descending', 'the sort kept');
  assertCleanAt(site, app);
  await page.close();
});

function cliOk(args, cwd) {
  // The CLI exits 1 when a report has errors, 2 when a file was not read; its output is what counts.
  try {
    return cli(args, cwd);
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout.toString();
    throw e;
  }
}

test('a second batch opened while the first is checking stops the first', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const closed = [];
  page.on('worker', (w) => w.on('close', () => closed.push(w.url())));
  const many = [];
  for (let i = 0; i < 20; i++) many.push(...names.map((n) => path.join(folder, n)));
  const picker = page.locator('input[type=file][multiple]:not([webkitdirectory])');
  await picker.setInputFiles(many.map((f, i) => ({ name: `${i}-${path.basename(f)}`, mimeType: 'text/plain', buffer: readFileSync(f) })));
  await page.locator('.nb-batch-status', { hasText: '正在检查' }).waitFor({ timeout: 30000 });
  assert.equal(page.workers().length, 1, 'the first batch checks in a Worker');
  await picker.setInputFiles(names.slice(0, 2).map((n) => path.join(folder, n)));
  assert.deepEqual(await summaryOf(page, 2), names.slice(0, 2));
  assert.equal(closed.length, 1, 'the first Worker was ended');
  assert.equal(page.workers().length, 1, 'one Worker, the second batch’s');
  assertCleanAt(site, app);
  await page.close();
});

// Checks 400 files in `page`, opening the first while the others are being checked.
async function openWhileChecking(page) {
  const many = [];
  for (let i = 0; i < 20; i++) many.push(...names.map((n) => path.join(folder, n)));
  const files = many.map((f, i) => ({ name: `${i}-${path.basename(f)}`, mimeType: 'text/plain', buffer: readFileSync(f) }));
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(files);
  // The first row (0-…, by name) can be opened while the progress bar still counts.
  await page.waitForFunction(() => {
    const row = document.getElementById('nb-batch-open-0');
    const bar = document.querySelector('.nb-batch-count progress');
    return row && !row.disabled && bar && Number(bar.value) < Number(bar.max);
  }, null, { timeout: 30000 });
  assert.ok(await page.locator('button', { hasText: '下载 JSON Lines' }).isDisabled(), 'the exports wait for the last file');
  await page.click('#nb-batch-open-0');
  await page.locator('#nb-batch-back').waitFor();
  assert.equal(await page.getByLabel('报告全文').inputValue(), files[0].buffer.toString('utf8'));
  const bar = await page.locator('.nb-batch-bar').textContent();
  assert.match(bar, /待全部文件检查完后给出/, `the bar says the checks across reports are still to come: ${bar}`);
  await page.click('#nb-batch-back');
  // The checking went on meanwhile.
  assert.equal((await summaryOf(page, files.length)).length, files.length);
  assert.ok(await page.locator('button', { hasText: '下载 JSON Lines' }).isEnabled(), 'the exports, once every file is checked');
}

test('a file checked opens while the others are checking; the exports wait for the last', async () => {
  const app = await openApp(browser, site);
  await openWhileChecking(app.page);
  assertCleanAt(site, app);
  await app.page.close();
  // The same where the files are checked in the page itself, between frames (no Worker from disk).
  const single = await browser.newPage();
  await single.goto('file://' + path.join(repo, 'dist', 'nianbao.html'));
  await single.getByLabel('报告全文').waitFor({ timeout: 10000 });
  await openWhileChecking(single);
  assert.equal(single.workers().length, 0);
  await single.close();
});

test('a folder: its reports (subfolders too) and the office files it holds, nothing else', async () => {
  const dir = path.join(folder, '县级部门');
  await fs.mkdir(path.join(dir, '2022'), { recursive: true });
  await fs.copyFile(path.join(folder, 'pair-2021.txt'), path.join(dir, 'a.txt'));
  await fs.copyFile(path.join(folder, 'pair-2022.txt'), path.join(dir, '2022', 'b.md'));
  await fs.writeFile(path.join(dir, '旧格式.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  await fs.writeFile(path.join(dir, 'seal.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const app = await openApp(browser, site);
  const { page } = app;
  await page.locator('input[webkitdirectory]').setInputFiles(dir);
  const rows = await summaryOf(page, 3);
  assert.deepEqual(rows, ['县级部门/2022/b.md', '县级部门/a.txt', '县级部门/旧格式.doc']);
  assert.match(await page.locator('tr', { hasText: '旧格式.doc' }).textContent(), /不是文本文件（Word 97-2003/);
  // The CLI walks a folder as the page does.
  assert.equal(await download(page, '下载汇总表（CSV）'), cliOk(['check', '--summary', '--format', 'csv', '县级部门'], folder));
  assert.ok(page.workers().length > 0, 'checked in a Worker');
  assertCleanAt(site, app);
  await page.close();
});

test('a folder dropped: its reports, subfolders too, as a batch; hidden files left out', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const a = [...await fs.readFile(path.join(folder, 'pair-2021.txt'))];
  const b = [...await fs.readFile(path.join(folder, 'pair-2022.txt'))];
  await page.evaluate(([a, b]) => {
    // A page cannot make the entries of a real dropped folder: they are made
    // here as Chromium gives them (webkitGetAsEntry; readEntries a part at a
    // time, then an empty part), over real Files.
    const file = (name, bytes) => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File([new Uint8Array(bytes)], name)) });
    const dir = (name, children) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        const parts = [children.slice(0, 1), children.slice(1), []];
        return { readEntries: (ok) => setTimeout(() => ok(parts.shift() || [])) };
      },
    });
    const root = dir('县级部门', [file('a.txt', a), dir('2022', [file('b.md', b), file('.DS_Store', a)])]);
    const data = new DataTransfer();
    Object.defineProperty(data, 'items', { value: [{ kind: 'file', webkitGetAsEntry: () => root }] });
    document.getElementById('nb-input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [a, b]);
  assert.deepEqual(await summaryOf(page, 2), ['县级部门/2022/b.md', '县级部门/a.txt']);
  // The two years of one agency are paired, as when the folder is chosen.
  assert.match(await page.locator('tr', { has: page.locator('th', { hasText: 'b.md' }) }).textContent(), /上一年：县级部门\/a\.txt/);
  assert.equal(await page.getByLabel('报告全文').inputValue(), '', 'the drop put nothing in the editor');
  assertCleanAt(site, app);
  await page.close();
});

// A ZIP archive of `members` ([nameBytes, data]), stored, with no UTF-8 flag (as Chinese Windows writes).
function zip(members) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of members) {
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    parts.push(head, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

test('a .zip of reports: each report in it a row (in an archive inside too), GBK names read', async () => {
  const gbk = Buffer.concat([Buffer.from('2023/'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('.txt')]); // 2023/年报.txt
  const archive = zip([
    [gbk, await fs.readFile(path.join(folder, 'pair-2022.txt'))],
    [Buffer.from('2022/a.txt'), await fs.readFile(path.join(folder, 'pair-2021.txt'))],
    [Buffer.from('__MACOSX/2022/._a.txt'), Buffer.from('x')],
    [Buffer.from('readme.png'), Buffer.from('x')],
    // An archive inside is opened too.
    [Buffer.from('乡镇.zip'), zip([[Buffer.from('镇.txt'), await fs.readFile(path.join(folder, names[0]))]])],
  ]);
  await fs.writeFile(path.join(folder, '报告.zip'), archive);
  const app = await openApp(browser, site);
  const { page } = app;
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(path.join(folder, '报告.zip'));
  const rows = await summaryOf(page, 3);
  assert.deepEqual(rows, ['报告.zip/2022/a.txt', '报告.zip/2023/年报.txt', '报告.zip/乡镇.zip/镇.txt']);
  assert.match(await page.locator('tr', { has: page.locator('th', { hasText: '年报.txt' }) }).textContent(), /上一年：报告\.zip\/2022\/a\.txt/);
  // The CLI opens an archive as the page does.
  assert.equal(await download(page, '下载 JSON Lines'), cliOk(['check', '--format', 'json', '报告.zip'], folder));
  assertCleanAt(site, app);
  await page.close();
});

test('files dropped together are a batch; the single-file build checks one in the page itself', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const three = names.slice(0, 3);
  const files = await Promise.all(three.map(async (n) => [n, [...await fs.readFile(path.join(folder, n))]]));
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const [name, bytes] of files) data.items.add(new File([new Uint8Array(bytes)], name));
    document.getElementById('nb-input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  assert.deepEqual(await summaryOf(page, 3), three);
  await page.close();

  // From disk: no Worker (a file:// page may not start one), the files checked between frames.
  const single = await browser.newPage();
  await single.goto('file://' + path.join(repo, 'dist', 'nianbao.html'));
  await single.getByLabel('报告全文').waitFor({ timeout: 10000 });
  await single.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(three.map((n) => path.join(folder, n)));
  assert.deepEqual(await summaryOf(single, 3), three);
  assert.equal(single.workers().length, 0);
  assert.equal(await download(single, '下载汇总表（CSV）'), cliOk(['check', '--summary', '--format', 'csv', ...three], folder));
  await single.close();
});

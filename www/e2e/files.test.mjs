// End to end: files that are not text. A Word document opened or dropped is
// read by the page's second wasm module, fetched from the page's own origin
// only then, and checked like pasted text; in the single-file build the
// module is inline. A file that is neither text nor .docx never enters the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, repo, dist, assertCleanAt, openSingleFile, paste } from './harness.mjs';

let site;
let browser;
before(async () => {
  site = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// Made by LibreOffice Writer from a generated report (tests/extracted/make.sh).
const DOCX = path.join(repo, 'tests', 'extracted', 'docx_s0_f0.docx');

async function drop(page, name, bytes, type = '') {
  await page.evaluate(([name, bytes, type]) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type }));
    document.getElementById('nb-input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, bytes, type]);
}

test('a Word document opened is read, checked and marked; its module loads only then', async () => {
  const app = await openApp(browser, site);
  const { page, requests } = app;
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => u.includes('/pkg/files/')), 'not loaded before a Word document is opened');
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(DOCX);
  await page.locator('.nb-file-status', { hasText: '已读入 Word 文档 docx_s0_f0.docx' }).waitFor({ timeout: 10000 });
  const text = await page.getByLabel('报告全文').inputValue();
  assert.match(text, /政府信息公开工作年度报告/);
  assert.match(text, /一、本年新收政府信息公开申请数量\t/, 'table rows as tab-separated cells');
  await page.waitForSelector('button[data-code="N-EMPTY"]', { timeout: 5000 });
  const codes = await page.$$eval('button[data-code]', (bs) => bs.map((b) => b.dataset.code));
  for (const code of ['T3-BAL', 'T3-SUM', 'T3-ROW', 'T4-SUM', 'S-VERSION', 'S-TABLE', 'S-CHAPTER']) {
    assert.ok(!codes.includes(code), `${code} not raised on a balanced report: ${codes}`);
  }
  assert.ok(requests.some((u) => u.startsWith(site.origin) && u.endsWith('/pkg/files/nianbao_files_bg.wasm')), 'module fetched');
  // Its JSON is the CLI's for the document itself ("input":"docx").
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const cli = execFileSync('cargo', ['run', '--quiet', '--bin', 'nianbao', '--', 'check', '--format', 'json', '-'], {
    cwd: repo, input: await fs.readFile(DOCX),
  }).toString().trim();
  assert.equal(await fs.readFile(await download.path(), 'utf8'), cli);
  let gzip = 0;
  for (const f of ['nianbao_files_bg.wasm', 'nianbao_files.js']) {
    gzip += zlib.gzipSync(await fs.readFile(path.join(dist, 'pkg', 'files', f)), { level: 9 }).length;
  }
  console.log(`# figure: file reader module (Word and PDF; wasm + JS, loaded on first .docx or .pdf) = ${gzip} bytes gzip`);
  // A second document: the module is not fetched again.
  const before = requests.length;
  await drop(page, '第二份.docx', [...await fs.readFile(DOCX)]);
  await page.locator('.nb-file-status', { hasText: '已读入 Word 文档 第二份.docx' }).waitFor({ timeout: 10000 });
  assert.ok(!requests.slice(before).some((u) => u.includes('/pkg/files/')), 'loaded once');
  assertCleanAt(site, app);
});

test('a ZIP that is not a Word document, or a PDF that cannot be read, is said and never enters the editor', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const area = page.getByLabel('报告全文');
  await area.fill('原有的文字');
  const zip = [...await fs.readFile(DOCX)];
  // Rename the document member (local header and central directory): an archive, not Word.
  const name = [...Buffer.from('word/document.xml')];
  for (let i = 0; i + name.length <= zip.length; i++) {
    if (name.every((b, k) => zip[i + k] === b)) zip[i] = 'x'.charCodeAt(0);
  }
  await drop(page, '表格.xlsx', zip);
  await page.locator('.nb-file-status', { hasText: '不是 Word 文档' }).waitFor({ timeout: 10000 });
  assert.equal(await area.inputValue(), '原有的文字');
  await drop(page, '年报.pdf', [...Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n')], 'application/pdf');
  await page.locator('.nb-file-status', { hasText: 'PDF 文件损坏或已加密' }).waitFor({ timeout: 10000 });
  assert.equal(await area.inputValue(), '原有的文字');
  assertCleanAt(site, app);
});

// Printed by Chromium from a generated report (tests/extracted/make.sh).
const PDF = path.join(repo, 'tests', 'extracted', 'pdf_s0_f1.pdf');

test('a PDF opened is read by where its characters stand and its tables by their ruled cells, checked and marked', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(PDF);
  await page.locator('.nb-file-status', { hasText: '已读入 PDF 文件 pdf_s0_f1.pdf' }).waitFor({ timeout: 10000 });
  const text = await page.getByLabel('报告全文').inputValue();
  assert.match(text, /政府信息公开工作年度报告/);
  assert.match(text, /一、本年新收政府信息公开申请数量\t\d+\t/, 'a ruled table row: its cells tab-separated');
  await page.waitForSelector('button[data-code]', { timeout: 5000 });
  const codes = await page.$$eval('button[data-code]', (bs) => bs.map((b) => b.dataset.code));
  for (const code of ['T3-BAL', 'T3-SUM', 'T3-ROW', 'T4-SUM', 'S-VERSION', 'S-TABLE', 'S-CHAPTER', 'CELL-MISSING']) {
    assert.ok(!codes.includes(code), `${code} not raised on a balanced report: ${codes}`);
  }
  assertCleanAt(site, app);
});

test('a PDF\'s findings name their page, also after an edit above them and a reload', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const pdf = path.join(repo, 'tests', 'extracted', 'pdf_n_s0_f0.pdf');
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(pdf);
  const where = page.locator('.nb-item', { has: page.locator('button[data-code="N-EMPTY"]') }).locator('.nb-where');
  await where.waitFor({ timeout: 10000 });
  assert.match(await where.textContent(), /^第 3 页 · /);
  // Its JSON is the CLI's for the PDF itself.
  const exportJson = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
    return fs.readFile(await download.path(), 'utf8');
  };
  const cli = execFileSync('cargo', ['run', '--quiet', '--bin', 'nianbao', '--', 'check', '--format', 'json', '-'], {
    cwd: repo, input: await fs.readFile(pdf),
  }).toString().trim();
  assert.equal(await exportJson(), cli);
  // The first 40 lines (page 2's start among them) deleted and a line typed there: the pages' text moves with the
  // edits (without that the finding would fall on an earlier page), it stays on page 3.
  await page.getByLabel('报告全文').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await page.keyboard.type('补充说明一行\n');
  await page.waitForFunction(() => document.getElementById('nb-input').value.startsWith('补充说明一行'));
  await page.waitForTimeout(200);
  assert.match(await where.textContent(), /^第 3 页 · /);
  const json = JSON.parse(await exportJson());
  assert.equal(json.input, 'pdf');
  assert.deepEqual(json.diagnostics.filter((d) => d.code === 'N-EMPTY').map((d) => d.page), [3]);
  // Undone: the text as the PDF gave it, and its pages where they were (the JSON is the CLI's again).
  const original = JSON.parse(cli);
  for (let i = 0; i < 6 && (await page.inputValue('#nb-input')).startsWith('补充说明一行'); i++) await page.keyboard.press('Control+z');
  for (let i = 0; i < 6 && !(await page.inputValue('#nb-input')).startsWith(original.meta.title.slice(0, 4)); i++) await page.keyboard.press('Control+z');
  await page.waitForTimeout(200);
  assert.equal(await exportJson(), cli, 'after undo');
  await page.waitForTimeout(100);
  await page.reload();
  await where.waitFor({ timeout: 10000 });
  assert.match(await where.textContent(), /^第 3 页 · /, 'kept with the draft');
  // A text that is no PDF's has no pages.
  await paste(page, '某局2022年政府信息公开工作年度报告\n一、总体情况\n');
  await page.waitForFunction(() => !document.getElementById('nb-input').value.includes('补充说明'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.nb-where', { hasText: '页 · ' }).count(), 0);
  assertCleanAt(site, app);
});

test('dist/nianbao.html reads a Word document and a PDF with no file beside it', async () => {
  const { page, requests } = await openSingleFile(browser);
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(DOCX);
  await page.locator('.nb-file-status', { hasText: '已读入 Word 文档' }).waitFor({ timeout: 10000 });
  await page.waitForSelector('button[data-code="N-EMPTY"]', { timeout: 5000 });
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(PDF);
  await page.locator('.nb-file-status', { hasText: '已读入 PDF 文件 pdf_s0_f1.pdf' }).waitFor({ timeout: 10000 });
  assert.match(await page.getByLabel('报告全文').inputValue(), /一、本年新收政府信息公开申请数量\t\d+\t/);
  assert.equal(requests.filter((u) => u.startsWith('file://')).length, 1, 'only the file itself is loaded');
  await page.close();
});

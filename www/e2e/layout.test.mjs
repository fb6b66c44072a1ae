// Layout, keyboard and print: one page with no scroll box of its own around
// the tables, usable at 390 px; each table's heading rows kept in view and one
// tab stop per table with the arrow keys inside; the printout whole on A4 with
// a running header, page numbers and the heading rows repeated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, repo, paste, assertCleanAt } from './harness.mjs';

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

const clean = () => fs.readFile(path.join(repo, 'www', 'e2e', 'fixtures', 'clean-2022.txt'), 'utf8');
const wrong = (t) => t.replace('（一）予以公开\t2\t1', '（一）予以公开\t5\t1');
// 表四 with fifteen different values (each 总计 its row's sum), to find every column in print.
const REVIEW = [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 11, 12, 13, 45];
const distinctReview = (t) => t.replace(/^(0\t){14}0$/m, REVIEW.join('\t'));

test('at 390 px: no sideways page scroll, every table within the page, no scroll box around them', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.setViewportSize({ width: 390, height: 844 });
  await paste(page, wrong(await clean()));
  await page.waitForSelector('button[data-code="T3-ROW"]');
  const r = await page.evaluate(() => ({
    overflow: document.scrollingElement.scrollWidth - innerWidth,
    tables: [...document.querySelectorAll('.nb-table')].map((t) => [t.dataset.table, t.getBoundingClientRect().right]),
    boxes: [...document.querySelectorAll('.nb-normalized, .nb-normalized *')]
      .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) || ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .map((e) => e.className),
  }));
  assert.ok(r.overflow <= 0, `page is ${r.overflow}px wider than the window`);
  assert.equal(r.tables.length, 3);
  for (const [table, right] of r.tables) assert.ok(right <= 390, `${table} ends at ${right}px`);
  assert.deepEqual(r.boxes, [], 'no scroll box in the normalized report');
  assertCleanAt(site, app);
});

test('a table\'s heading rows stay in view while the page scrolls through it', async () => {
  for (const width of [1440, 390]) {
    const app = await openApp(browser, site);
    const { page } = app;
    await page.setViewportSize({ width, height: 800 });
    await paste(page, await clean());
    await page.waitForSelector('.nb-table[data-table="requests"] thead th');
    const r = await page.evaluate(async () => {
      const t = document.querySelector('.nb-table[data-table="requests"]');
      const top = t.getBoundingClientRect().top + scrollY;
      window.scrollTo(0, top + t.getBoundingClientRect().height / 2);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return { head: t.tHead.getBoundingClientRect().top, table: t.getBoundingClientRect().top, headRows: t.tHead.rows.length };
    });
    assert.ok(r.table < -100, `${width}: the table's top scrolled out (${r.table})`);
    assert.ok(Math.abs(r.head) <= 1, `${width}: its head at the top of the window (${r.head})`);
    assert.ok(r.headRows >= 2, 'the multi-level heading is the head');
    assertCleanAt(site, app);
    await page.close();
  }
});

test('each table is one tab stop; the arrow keys move between its cells; Enter chooses a cell\'s finding', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  await paste(page, wrong(await clean()));
  await page.waitForSelector('[data-cell][aria-invalid="true"]');
  const stops = await page.$$eval('.nb-table', (ts) => ts.map((t) => t.querySelectorAll('[tabindex="0"]').length));
  assert.deepEqual(stops, [1, 1, 1], 'one tab stop per table');
  const inTables = await page.$$eval('.nb-normalized [tabindex]:not([tabindex="-1"])', (es) => es.length);
  assert.equal(inTables, 3);
  // The culprit is the table's stop (the tables are new: nothing in them was focused yet).
  const culprit = '[data-cell="requests.granted.natural"]';
  assert.equal(await page.getAttribute(culprit, 'tabindex'), '0');
  await page.focus(culprit);
  const focused = () => page.evaluate(() => document.activeElement.dataset.cell || document.activeElement.textContent.trim());
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'requests.granted.business');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'requests.partial.business');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'requests.carried_in.business');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'requests.carried_in.total');
  await page.keyboard.press('Home');
  assert.match(await focused(), /^二、上年结转/);
  // The stop moved with the focus: still one per table.
  assert.deepEqual(await page.$$eval('.nb-table', (ts) => ts.map((t) => t.querySelectorAll('[tabindex="0"]').length)), [1, 1, 1]);
  // Tab leaves the table: the next stop is outside it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.nb-table[data-table="requests"]')), false);
  // Ctrl+End: the table's last cell.
  await page.focus(culprit);
  await page.keyboard.press('Control+End');
  assert.equal(await focused(), 'requests.carried_out.total');
  // Enter on the culprit chooses its finding.
  await page.focus(culprit);
  await page.keyboard.press('Enter');
  await page.locator('button[data-code="T3-ROW"].nb-selected').waitFor({ timeout: 5000 });
  assertCleanAt(site, app);
});

/** The printed pages of the page as it stands, as text. */
async function printed(page) {
  const file = path.join(os.tmpdir(), `nianbao-print-${process.pid}.pdf`);
  await page.pdf({ format: 'A4', path: file });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  await fs.rm(file);
  return text.split('\f').filter((p) => p.trim());
}

test('moving up under a table\'s head kept in view scrolls the cell clear of it', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 700 });
  await paste(page, await clean());
  await page.waitForSelector('.nb-table[data-table="requests"] thead th');
  // The page scrolled so that the head is stuck at the top, a row of values just below it.
  const cell = '[data-cell="requests.denied_third_party.natural"]';
  await page.evaluate((cell) => {
    const t = document.querySelector('.nb-table[data-table="requests"]');
    window.scrollTo(0, t.getBoundingClientRect().top + scrollY + 10);
    const c = document.querySelector(cell);
    const head = t.tHead.getBoundingClientRect();
    window.scrollBy(0, c.getBoundingClientRect().top - head.bottom - 2);
  }, cell);
  await page.focus(cell);
  await page.keyboard.press('ArrowUp');
  const r = await page.evaluate(() => {
    const c = document.activeElement.getBoundingClientRect();
    const head = document.activeElement.closest('table').tHead.getBoundingClientRect();
    return { cell: c.top, head: head.bottom, key: document.activeElement.dataset.cell };
  });
  assert.notEqual(r.key, 'requests.denied_third_party.natural', 'moved up');
  assert.ok(r.cell >= r.head - 1, `the cell (top ${r.cell}) clear of the head (bottom ${r.head})`);
  assertCleanAt(site, app);
});

test('print: every table whole on A4, 表四\'s fifteen columns included, headings repeated, a running header and page numbers', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.emulateMedia({ media: 'print' });
  // Lines of text in chapter 三 before its table: it starts low on a page, and moves whole to the next.
  const filler = (t) => t.replace('三、收到和处理政府信息公开申请情况\n',
    `三、收到和处理政府信息公开申请情况\n${Array.from({ length: 16 }, (_, i) => `第${i + 1}项：本年度持续推进依申请公开办理规范化。\n`).join('')}`);
  const report = filler(distinctReview(wrong(await clean())));
  await paste(page, report);
  await page.waitForSelector('button[data-code="T3-ROW"]');
  const widths = await page.evaluate(() => [...document.querySelectorAll('.nb-table')].map((t) => [t.dataset.table, t.scrollWidth, t.parentElement.clientWidth]));
  for (const [table, width, room] of widths) assert.ok(width <= room, `${table}: ${width}px in ${room}px`);
  const pages = await printed(page);
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  pages.forEach((p, i) => {
    assert.match(p, /某县自然资源局 2022 年度政府信息公开工作年度报告 · 年报体检 \d{4}年\d{1,2}月\d{1,2}日/, `page ${i + 1}: running header`);
    assert.match(p, new RegExp(`第 ${i + 1} 页，共 ${pages.length} 页`), `page ${i + 1}: its number`);
  });
  // 表四: its one row of values, all fifteen, in order.
  const values = pages.join('\n').split('\n').find((l) => /^\s*1\s+2\s+3\s+4\s+10\b/.test(l));
  assert.ok(values, 'the row of 表四 printed');
  assert.deepEqual(values.trim().split(/\s+/).map(Number), REVIEW);
  // Each table on one page, its heading with it.
  for (const [table, row] of [['表二', '行政事业性收费'], ['表三', '（七）总计'], ['表四', '复议后起诉']]) {
    const on = pages.filter((p) => p.includes(row));
    assert.equal(on.length, 1, `${table} on one page`);
  }
  const requests = pages.find((p) => p.includes('（七）总计'));
  assert.match(requests, /申请人情况[\s\S]*自然人[\s\S]*一、本年新收[\s\S]*（七）总计/, '表三 whole, its heading first');
  // Printed larger than a page (as a user's zoom or font setting may), 表三 runs over
  // pages: its heading is repeated on each. (Set through the CSSOM, which the CSP allows.)
  await page.evaluate(() => { document.querySelector('.nb-table-requests').style.fontSize = '15pt'; });
  const small = await printed(page);
  const withRows = small.filter((p) => /（七）总计|1\.属于国家秘密|2\.重复申请|4\.无正当理由大量反复申请/.test(p));
  assert.ok(withRows.length >= 2, `表三 on ${withRows.length} page(s)`);
  for (const p of withRows) assert.match(p, /申请人情况\s+法人或其他组织/, 'the heading repeated');
  assertCleanAt(site, app);
});

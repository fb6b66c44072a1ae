// End to end: the page recovers from every failure without clearing site data:
// a panic, a check that never finished, an oversized paste, a full storage quota, two tabs;
// and HTML past the reading limits is read in bounded time and said (S-LIMIT).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, seed, paste, assertCleanAt, assertChosenInEditor } from './harness.mjs';

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

const assertClean = (app) => assertCleanAt(site, app);

test('a check that never finished is not re-run on reload: the text is kept, retry or clear', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const text = await seed('002_400511ad0ee379b5.txt');
  // What a check that trapped or ran out of memory leaves: its text still pending.
  await page.evaluate((t) => {
    localStorage.setItem('nianbao.draft', 'older text');
    localStorage.setItem('nianbao.pending', t);
  }, text);
  await page.reload();
  await page.getByLabel('报告全文').waitFor();
  const notice = page.locator('.nb-draft[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /上次检查这份文字时页面出错/);
  assert.equal(await page.inputValue('#nb-input'), text, 'the failed text, not the older draft');
  assert.equal(await page.locator('button[data-code]').count(), 0, 'nothing was checked');
  await page.click('text=重新检查');
  await page.waitForSelector('button[data-code]');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.pending')), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), text);
  // The crash banner's own buttons work without the wasm: clear starts afresh.
  await page.evaluate(async () => {
    const { selftest_panic: panic } = await import('./pkg/nianbao_web.js');
    localStorage.setItem('nianbao.pending', 'x');
    try { panic(); } catch { /* traps */ }
  });
  await page.click('#nb-crash-clear');
  await page.getByLabel('报告全文').waitFor();
  await page.waitForFunction(() => document.getElementById('nb-input')?.value === '');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null);
  await page.close();
});

test('memory exhausted in the wasm (a trap no hook sees) leaves the editor, its text and the banner; a reload does not re-check', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const text = await seed('002_400511ad0ee379b5.txt');
  await paste(page, text);
  await page.waitForSelector('button[data-code]');
  await page.evaluate(async () => {
    const { selftest_out_of_memory: exhaust } = await import('./pkg/nianbao_web.js');
    // What the page writes before a check, then a trap in a callback of its own.
    localStorage.setItem('nianbao.pending', document.getElementById('nb-input').value);
    setTimeout(exhaust, 0);
  });
  const banner = page.locator('.nb-crash[role="alert"]');
  await banner.waitFor({ timeout: 30000 });
  assert.match(await banner.textContent(), /可能是内存不足/);
  assert.match(await banner.textContent(), /文字仍在输入框中/);
  assert.equal(await page.inputValue('#nb-input'), text, 'the editor keeps its text');
  await page.click('#nb-crash-reload');
  await page.getByLabel('报告全文').waitFor();
  await page.locator('.nb-draft[role="alert"]').waitFor();
  assert.match(await page.textContent('.nb-draft[role="alert"]'), /上次检查这份文字时页面出错/);
  assert.equal(await page.inputValue('#nb-input'), text);
  assert.equal(await page.locator('button[data-code]').count(), 0, 'nothing was checked');
  await page.click('text=清空');
  await page.waitForFunction(() => document.getElementById('nb-input')?.value === '');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao.pending'))), []);
  await page.close();
});

test('an oversized paste is refused, nothing is checked or saved', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.evaluate(() => localStorage.clear());
  const before = await page.inputValue('#nb-input');
  await page.evaluate(() => {
    const area = document.getElementById('nb-input');
    const data = new DataTransfer();
    data.setData('text/plain', '共1件。'.repeat(1_100_000)); // 11 MB of UTF-8
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const notice = page.locator('.nb-draft[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /超过 10 MB 的上限，没有检查，也没有保存/);
  assert.equal(await page.inputValue('#nb-input'), before);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null);
  assertClean(app);
  await page.close();
});

test('a draft the browser cannot keep is said, and no older draft comes back', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('nianbao.draft', 'older text');
    // Fill the quota with other data, in ever smaller pieces, to the last few characters.
    let i = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 4]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem('filler' + i++, chunk); } catch { break; }
      }
    }
  });
  await paste(page, await seed('004_9cf56e95910a791d.txt'));
  const notice = page.locator('.nb-draft[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /草稿过大，未能保存/);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null);
  await page.reload();
  await page.getByLabel('报告全文').waitFor();
  assert.notEqual(await page.inputValue('#nb-input'), 'older text');
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('two tabs do not overwrite each other unnoticed', async () => {
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto(site.url);
    await p.getByLabel('报告全文').waitFor();
  }
  await paste(a, await seed('002_400511ad0ee379b5.txt'));
  const notice = b.locator('.nb-draft[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /另一个标签页修改了草稿/);
  await paste(b, '某镇2022年政府信息公开工作年度报告\n');
  assert.equal(await a.evaluate(() => localStorage.getItem('nianbao.draft')).then((d) => d.includes('湘潭县云湖桥镇')), true,
    'the other tab kept its draft');
  await b.click('text=以本页文字为准保存');
  await a.locator('.nb-draft[role="alert"]').waitFor();
  await context.close();
});

test('pasted HTML past a reading limit is checked at once and S-LIMIT points at its text, also after an edit or another paste', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  // The 8.9 KB bomb (300 cells of colspan=1000, then 200 rows) that took gigabytes.
  const bomb = `<table><tr>${'<td colspan=1000>x'.repeat(300)}</tr>${'<tr><td>a<td>1</tr>'.repeat(200)}</table>`;
  await paste(page, 'x', `<p>某局2022年政府信息公开工作年度报告</p>${bomb}`);
  const limit = page.locator('button[data-code="S-LIMIT"]');
  await limit.waitFor({ timeout: 5000 });
  assert.match(await limit.textContent(), /超过 128 列/);
  await limit.click();
  await assertChosenInEditor(page);
  // The draft keeps the limits: after a reload S-LIMIT is said again, at its place.
  await page.waitForFunction(() => localStorage.getItem('nianbao.draft.limits')?.startsWith('table_columns'));
  await page.reload();
  await limit.waitFor({ timeout: 5000 });
  await limit.click();
  await assertChosenInEditor(page);
  // Typing moves the text under the limit's place: the finding stays, without a place.
  await page.focus('#nb-input');
  // To the end of the text (choosing S-LIMIT selected its place in the editor).
  await page.keyboard.press('Control+End');
  await page.keyboard.type('。');
  await page.waitForFunction(() => document.getElementById('nb-input').value.endsWith('。'));
  await page.waitForTimeout(400);
  assert.equal(await limit.count(), 1, 'still said after the edit');
  // A paste of plain text at the end keeps it; a paste over the whole text replaces it.
  await page.evaluate(() => {
    const area = document.getElementById('nb-input');
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    const data = new DataTransfer();
    data.setData('text/plain', '另一段文字。');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById('nb-input').value.endsWith('另一段文字。'));
  await page.waitForTimeout(200);
  assert.equal(await limit.count(), 1, 'kept by a paste elsewhere');
  await paste(page, '某局2022年政府信息公开工作年度报告\n'); // over the whole text
  await page.waitForFunction(() => !document.querySelector('button[data-code="S-LIMIT"]'));
  await paste(page, 'x', `<p>某局2022年政府信息公开工作年度报告</p>${bomb}`);
  await limit.waitFor({ timeout: 5000 });
  // A new input replaces it.
  await page.click('text=清空');
  await page.waitForFunction(() => !document.querySelector('button[data-code="S-LIMIT"]'));
  assertClean(app);
  await page.close();
});

test('a text too large for the memory left is refused with a notice, and the page goes on checking', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.evaluate(() => localStorage.clear());
  // The page's memory taken but for 64 MB: a 4 MB text needs more at its peak.
  await page.evaluate(async () => {
    const { selftest_leave_free: leave } = await import('./pkg/nianbao_web.js');
    leave(64);
  });
  const before = await page.inputValue('#nb-input');
  await page.evaluate(() => {
    const area = document.getElementById('nb-input');
    const data = new DataTransfer();
    data.setData('text/plain', '共1件。\n'.repeat(400_000)); // 4 MB of UTF-8
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const notice = page.locator('.nb-draft[role="alert"]');
  await notice.waitFor({ timeout: 10000 });
  assert.match(await notice.textContent(), /内存不够检查它（约需 \d+\.\d MB），没有检查，也没有保存/);
  assert.equal(await page.inputValue('#nb-input'), before, 'the text was not taken');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null);
  // The page still checks what fits.
  await paste(page, await seed('002_400511ad0ee379b5.txt'));
  await page.waitForSelector('button[data-code]', { timeout: 10000 });
  assert.equal(await page.locator('.nb-crash').count(), 0, 'no crash banner');
  assertClean(app);
  await page.close();
});

test('a check that failed keeps its reading limits: after the reload, 重新检查 says S-LIMIT again', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.evaluate(() => {
    localStorage.clear();
    // What the page writes before each check, recorded.
    window.written = {};
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.written[key] = value;
      return set.call(this, key, value);
    };
  });
  const bomb = `<table><tr>${'<td colspan=1000>x'.repeat(300)}</tr>${'<tr><td>a<td>1</tr>'.repeat(200)}</table>`;
  await paste(page, 'x', `<p>某局2022年政府信息公开工作年度报告</p>${bomb}`);
  await page.locator('button[data-code="S-LIMIT"]').waitFor({ timeout: 5000 });
  const pending = await page.evaluate(() =>
    Object.entries(window.written).filter(([k]) => k.startsWith('nianbao.pending')));
  assert.ok(pending.some(([k, v]) => k.endsWith('.limits') && v.startsWith('table_columns')),
    'the limits are kept with the text while it is checked');
  // What a check that trapped would have left: the pending text and its limits.
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of entries) localStorage.setItem(k, v);
  }, pending);
  await page.reload();
  await page.locator('.nb-draft[role="alert"]').waitFor();
  assert.equal(await page.locator('button[data-code]').count(), 0, 'nothing was checked');
  await page.click('text=重新检查');
  await page.locator('button[data-code="S-LIMIT"]').waitFor({ timeout: 5000 });
  await page.close();
});

test('a panic keeps the page and the text, and says so', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const text = await seed('001_398e231a6bf84220.txt');
  await paste(page, text);
  await page.waitForSelector('button[data-code]');
  await page.evaluate(async () => {
    const { selftest_panic: panic } = await import('./pkg/nianbao_web.js');
    try { panic(); } catch { /* the wasm traps after the hook ran */ }
  });
  await page.locator('.nb-crash[role="alert"]').waitFor({ timeout: 5000 });
  assert.match(await page.textContent('.nb-crash'), /文字仍在输入框中/);
  assert.equal(await page.inputValue('#nb-input'), text, 'the text is still there');
  assert.ok(await page.locator('button[data-code]').count() > 0, 'the findings are still shown');
  await page.reload();
  await page.getByLabel('报告全文').waitFor();
  assert.equal(await page.inputValue('#nb-input'), text, 'and restored after a reload');
  await page.click('text=清空');
});

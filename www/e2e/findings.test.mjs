// The list of findings: a verdict in colour and word, errors before warnings
// before notes, each its cause and fix first (no codes in the text, the
// arithmetic one click away), a suggested value as an action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
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
// A blank cell (a warning), a late signature (a note), and then a wrong value (an error).
const blank = (t) => t.replace(/^规章\t0\t0\t0$/m, '规章\t\t0\t0');
const late = (t) => t.replace('2023年1月20日', '2023年2月20日');
const wrong = (t) => t.replace('（一）予以公开\t2\t1', '（一）予以公开\t5\t1');

test('the verdict says error, warning or pass in colour and word', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const verdict = () => page.locator('.nb-verdict').textContent();
  await paste(page, late(blank(await clean())));
  await page.locator('.nb-verdict.nb-caution').waitFor({ timeout: 5000 });
  assert.match(await verdict(), /⚠ 有警告：未发现错误，1 个警告、1 个提示/);
  await paste(page, wrong(late(blank(await clean()))));
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  assert.match(await verdict(), /✗ 有错误：1 个错误、1 个警告、1 个提示/);
  await paste(page, late(await clean()));
  await page.locator('.nb-verdict.nb-pass').waitFor({ timeout: 5000 });
  assert.match(await verdict(), /✓ 未发现错误或警告（1 个提示）/);
  assertCleanAt(site, app);
});

test('errors first, each its cause and fix, the arithmetic one click away; 改为 selects the cell in the editor', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await paste(page, wrong(late(blank(await clean()))));
  await page.waitForSelector('button[data-code="T3-ROW"]', { timeout: 5000 });
  const ranks = await page.$$eval('.nb-item', (items) => items.map((i) => Number(i.dataset.rank)));
  assert.deepEqual(ranks, [...ranks].sort(), `errors, then warnings, then notes: ${ranks}`);
  assert.equal(await page.locator('.nb-severity h3').first().textContent(), '错误（1）');
  const item = page.locator('.nb-item', { has: page.locator('button[data-code="T3-ROW"]') });
  const message = await item.locator('.nb-message').textContent();
  assert.match(message, /“（一）予以公开”行“自然人”列（5）.*改为 2 后全部平衡/);
  assert.doesNotMatch(message, /\[T3-|=/, 'no codes or sums in the cause');
  assert.equal(await item.locator('.nb-where').textContent(), '申请情况表');
  // The arithmetic: one click away.
  const sums = item.locator('details.nb-sums');
  assert.equal(await sums.getAttribute('open'), null);
  await sums.locator('summary').click();
  assert.match(await sums.locator('p').textContent(), /\[T3-ROW\].*总计 = 3.*= 6/);
  // The suggested value: an action that selects the cell's text in the editor, scrolled to it.
  await page.evaluate(() => { document.getElementById('nb-input').scrollTop = 0; });
  await item.locator('button.nb-apply', { hasText: '改为 2' }).click();
  const inView = await page.evaluate(() => {
    const a = document.getElementById('nb-input').getBoundingClientRect();
    const m = [...document.querySelectorAll('.nb-backdrop .nb-mark')].find((x) => x.textContent === '5').getBoundingClientRect();
    return m.top >= a.top && m.bottom <= a.bottom;
  });
  assert.ok(inView, 'the editor scrolled to the cell');
  const selected = await page.evaluate(() => {
    const a = document.getElementById('nb-input');
    return { focused: document.activeElement === a, text: a.value.slice(a.selectionStart, a.selectionEnd) };
  });
  assert.deepEqual(selected, { focused: true, text: '5' });
  await page.keyboard.type('2');
  await page.locator('.nb-verdict.nb-caution').waitFor({ timeout: 5000 });
  assertCleanAt(site, app);
});

test('an example or 清空 keeps the user\'s text one click away; an example never becomes the draft', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const mine = '某局2021年政府信息公开工作年度报告\n我的草稿';
  await page.getByLabel('报告全文').fill(mine);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, mine, { timeout: 5000 });
  await page.selectOption('select[aria-label="载入示例"]', '3');
  const back = page.locator('button', { hasText: '恢复原来的文字' });
  await back.waitFor({ timeout: 5000 });
  assert.match(await page.textContent('.nb-replaced'), /已载入示例.*不会保存为草稿/);
  // A reload brings the user's draft back, not the example.
  await page.reload();
  await page.getByLabel('报告全文').waitFor();
  await page.waitForFunction((t) => document.getElementById('nb-input').value === t, mine, { timeout: 5000 });
  await page.selectOption('select[aria-label="载入示例"]', '3');
  await back.click();
  await page.waitForFunction((t) => document.getElementById('nb-input').value === t, mine, { timeout: 5000 });
  // 清空 too.
  await page.click('text=清空');
  await back.click();
  await page.waitForFunction((t) => document.getElementById('nb-input').value === t, mine, { timeout: 5000 });
  await page.click('text=清空');
  assertCleanAt(site, app);
});

test('not yet a report: too short, a fragment, tables not read; each says so instead of errors', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.getByLabel('报告全文').fill('你好');
  await page.locator('.nb-state').waitFor({ timeout: 5000 });
  assert.match(await page.textContent('.nb-summary'), /还不是一份完整的年度报告.*只有 2 个字/);
  assert.equal(await page.locator('button[data-code]').count(), 0, 'no errors for two characters');
  // Only 表三, one row wrong: checked as a table, not as a report missing its title and chapters.
  const table = (await clean()).split('\n');
  const from = table.findIndex((l) => l.startsWith('三、收到'));
  const to = table.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  await paste(page, wrong(table.slice(from, to).join('\n')));
  await page.locator('.nb-scope').waitFor({ timeout: 5000 });
  assert.match(await page.textContent('.nb-scope'), /只有统计表（申请情况表），按表格片段检查/);
  const codes = await page.$$eval('button[data-code]', (bs) => bs.map((b) => b.dataset.code));
  assert.ok(codes.includes('T3-ROW'), `${codes}`);
  assert.ok(codes.every((c) => c.startsWith('T') || c.startsWith('CELL-')), `${codes}`);
  // The rows' labels in the text, the table not read: said, with what to do.
  await paste(page, '某局2022年政府信息公开工作年度报告\n本年新收政府信息公开申请数量。上年结转政府信息公开申请数量。予以公开。部分公开。不予公开。本机关不掌握相关政府信息。结转下年度继续办理。');
  await page.locator('.nb-scope', { hasText: '没有读出表格' }).waitFor({ timeout: 5000 });
  assert.match(await page.textContent('.nb-scope'), /打开 Word 文档/);
  assert.equal(await page.locator('button[data-code="S-TABLE"]').count(), 0);
  assertCleanAt(site, app);
});

test('已核实 with a reason: the verdict counts what is left, the reason survives a reload and is in every export', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await paste(page, wrong(await clean()));
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  const item = page.locator('.nb-item', { has: page.locator('button[data-code="T3-ROW"]') });
  await item.locator('button.nb-verify').click();
  const field = page.getByLabel(/核实说明/);
  assert.ok(await field.evaluate((f) => f === document.activeElement), 'the reason field is focused');
  // A reason of blanks is none: nothing is verified.
  await field.fill('   ');
  await field.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.nb-verified').count(), 0, 'not verified without a reason');
  // Escape closes the form, the focus back on its button.
  await field.press('Escape');
  await page.locator('.nb-verify-form').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('nb-verify')), true);
  await item.locator('button.nb-verify').click();
  await field.fill('与纸质原件一致，=原表如此');
  await field.press('Enter');
  await page.locator('.nb-verified button[data-code="T3-ROW"]').waitFor({ timeout: 5000 });
  // The focus follows the finding into the list of verified ones.
  await page.waitForFunction(() => document.activeElement.matches('.nb-verified button[data-code="T3-ROW"]'), null, { timeout: 5000 });
  assert.match(await page.locator('.nb-verdict').textContent(), /未发现错误/, 'the verdict counts what is left');
  assert.match(await page.locator('.nb-settled').textContent(), /另有 1 个问题已核实/);
  assert.match(await page.locator('.nb-verified .nb-reason').textContent(), /核实说明：与纸质原件一致，=原表如此/);
  assert.equal(await page.locator('.nb-backdrop .nb-mark.nb-error').count(), 0, 'no error mark in the editor');
  assert.equal(await page.locator('[data-cell][aria-invalid="true"]').count(), 0, 'no culprit in the tables');

  // Kept with the draft.
  await page.waitForTimeout(100);
  await page.reload();
  await page.locator('.nb-verified .nb-reason').waitFor({ timeout: 5000 });
  assert.match(await page.locator('.nb-verified .nb-reason').textContent(), /与纸质原件一致/);

  const exported = async (label) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`text=${label}`)]);
    return fs.readFile(await download.path(), 'utf8');
  };
  const csv = await exported('导出问题 CSV');
  const row = csv.split('\r\n').find((l) => l.includes(',T3-ROW,'));
  assert.ok(csv.split('\r\n')[0].endsWith(',核实说明'), csv.split('\r\n')[0]);
  assert.ok(row.endsWith(',与纸质原件一致，=原表如此'), row);
  const json = JSON.parse(await exported('导出 JSON'));
  const verified = json.diagnostics.filter((d) => d.verified);
  assert.deepEqual(verified.map((d) => [d.code, d.verified.reason]), [['T3-ROW', '与纸质原件一致，=原表如此']]);
  assert.match(await exported('导出 Markdown'), /T3-ROW\*\*（错误）.*（已核实：与纸质原件一致，=原表如此）/);

  // Printed with the list of problems: the verified one with its reason.
  await page.emulateMedia({ media: 'print' });
  const file = path.join(os.tmpdir(), `nianbao-verified-${process.pid}.pdf`);
  await page.pdf({ format: 'A4', path: file });
  const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  await fs.rm(file);
  assert.match(printed, /已核实（1）[\s\S]*核实说明：与纸质原件一致，=原表如此/);
  assert.doesNotMatch(printed, /取消核实/, 'no buttons in print');
  await page.emulateMedia({ media: 'screen' });

  // Withdrawn: the error counts again.
  await page.locator('.nb-verified button.nb-unverify').click();
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.nb-verified').count(), 0);
  await page.waitForFunction(() => document.activeElement.matches('.nb-error button[data-code="T3-ROW"]'), null, { timeout: 5000 });
  assertCleanAt(site, app);
});

test('a verification stays with its report: another value or another report pasted is looked at again; an example verified is not saved', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  const verify = async () => {
    const item = page.locator('.nb-item', { has: page.locator('button[data-code="T3-ROW"]') });
    await item.locator('button.nb-verify').click();
    await page.getByLabel(/核实说明/).fill('已核对');
    await page.getByLabel(/核实说明/).press('Enter');
    await page.locator('.nb-verified button[data-code="T3-ROW"]').waitFor({ timeout: 5000 });
  };
  await paste(page, wrong(await clean()));
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  await verify();
  // The same cell wrong with another value, in a report pasted over it: an error again.
  await paste(page, (await clean()).replace('（一）予以公开\t2\t1', '（一）予以公开\t6\t1'));
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.nb-verified').count(), 0);
  // The report pasted back: a new input, nothing of the old one verified.
  await paste(page, wrong(await clean()));
  await page.locator('.nb-verdict.nb-fail').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.nb-verified').count(), 0);
  // Verifying in an example leaves the user's draft as it was.
  const mine = await page.inputValue('#nb-input');
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, mine, { timeout: 5000 });
  await page.selectOption('select[aria-label="载入示例"]', '0');
  await page.locator('button', { hasText: '恢复原来的文字' }).waitFor({ timeout: 5000 });
  const example = page.locator('button.nb-verify').first();
  await example.click();
  await page.getByLabel(/核实说明/).fill('示例');
  await page.getByLabel(/核实说明/).press('Enter');
  await page.locator('.nb-verified').waitFor({ timeout: 5000 });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), mine, 'the draft is still the user\'s text');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft.verified')), null, 'and nothing verified in it');
  assertCleanAt(site, app);
});

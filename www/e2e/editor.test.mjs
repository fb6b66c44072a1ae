// The editor carries the marks: choosing a finding selects and scrolls in the
// editor (not the page), a mark shows its card, a suggested value is an action,
// an input method's composition is checked once it ends; the figure for typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launch, openApp, seed, repo, paste, assertCleanAt, assertChosenInEditor } from './harness.mjs';

let site;
let browser;
before(async () => {
  site = await serveDist();
  // Scrollbars that take width: the backdrop must wrap its lines as the textarea does.
  browser = await launch({ scrollbars: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const clean = () => fs.readFile(path.join(repo, 'www', 'e2e', 'fixtures', 'clean-2022.txt'), 'utf8');

/** The centre of the first backdrop mark whose text is `text` (or of the first mark). */
const markCentre = (page, text) => page.evaluate((text) => {
  const marks = [...document.querySelectorAll('.nb-backdrop .nb-mark')];
  const m = marks.find((x) => text === undefined || x.textContent === text);
  if (!m) return null;
  const r = m.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}, text);

test('the marks are in the editor; choosing the last finding scrolls the editor to it, the editor and the explanation in view', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  await paste(page, await seed('003_e79d930d3ead0ba0.txt'));
  await page.waitForSelector('.nb-backdrop .nb-mark');
  assert.equal(await page.locator('.nb-source').count(), 0, 'no second copy of the text');
  assert.equal(await page.getByLabel('报告全文').count(), 1);
  // The last finding with a place in the text lies far down a 15 KB report.
  const last = await page.evaluate(() => {
    const marked = new Set([...document.querySelectorAll('.nb-backdrop .nb-mark')].flatMap((m) => m.dataset.i.split(' ')));
    return Math.max(...[...marked].map(Number));
  });
  await page.locator(`#nb-finding-${last}`).scrollIntoViewIfNeeded();
  await page.locator(`#nb-finding-${last}`).click();
  await page.locator('.nb-explain').waitFor();
  await assertChosenInEditor(page);
  const editor = await page.evaluate(() => {
    const a = document.getElementById('nb-input');
    const r = a.getBoundingClientRect();
    return { scrolled: a.scrollTop, visible: r.top < innerHeight && r.bottom > 0 };
  });
  assert.ok(editor.scrolled > 0, 'the editor scrolled to the span');
  assert.ok(editor.visible, 'the editor stays in view beside the list');
  assertCleanAt(site, app);
});

test('a mark under the pointer shows its card; the caret in a culprit offers its suggested value', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  // （一）予以公开, 自然人: 2 → 5.
  const text = (await clean()).replace('（一）予以公开\t2\t1', '（一）予以公开\t5\t1');
  await paste(page, text);
  await page.waitForSelector('.nb-backdrop .nb-mark');
  // Choosing the finding brings its mark into the editor's view.
  await page.locator('button[data-code]').first().click();
  await assertChosenInEditor(page);
  const at = await markCentre(page, '5');
  assert.ok(at, 'the wrong value is marked in the editor');
  await page.mouse.move(at.x, at.y);
  const card = page.locator('.nb-card');
  await card.waitFor({ timeout: 2000 });
  assert.match(await card.textContent(), /错误[\s\S]*怎么改/);
  // The pointer can travel from the mark to the card's buttons (WCAG 1.4.13).
  const button = await card.locator('button', { hasText: '查看说明' }).boundingBox();
  await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2, { steps: 8 });
  await page.mouse.down();
  await page.mouse.up();
  await page.locator('button[data-code][aria-pressed="true"]').waitFor({ timeout: 2000 });
  await page.mouse.move(5, 5, { steps: 5 });
  await card.waitFor({ state: 'detached', timeout: 2000 });
  // The caret in it (a click): the card stays, with its actions.
  await page.mouse.click(at.x, at.y);
  const apply = page.locator('.nb-card button', { hasText: '改为 2' });
  await apply.waitFor({ timeout: 2000 });
  await apply.click();
  const selected = await page.evaluate(() => {
    const a = document.getElementById('nb-input');
    return { focused: document.activeElement === a, text: a.value.slice(a.selectionStart, a.selectionEnd) };
  });
  assert.deepEqual(selected, { focused: true, text: '5' }, 'the cell\'s text is selected for typing');
  await page.keyboard.type('2');
  await page.locator('.nb-pass').waitFor({ timeout: 5000 });
  // 查看说明 from a card chooses the finding.
  await paste(page, text);
  await page.waitForSelector('.nb-backdrop .nb-mark');
  await page.locator('button[data-code]').first().click();
  await assertChosenInEditor(page);
  await page.mouse.click(at.x, at.y);
  await page.locator('.nb-card button', { hasText: '查看说明' }).click();
  await page.locator('button[data-code][aria-pressed="true"]').waitFor({ timeout: 2000 });
  await page.locator('.nb-explain').waitFor();
  assertCleanAt(site, app);
});

test('an input method: checked once its composition ends, not on each step', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await paste(page, await clean());
  await page.locator('.nb-pass').waitFor({ timeout: 5000 });
  const step = (value, composing) => page.evaluate(([value, composing]) => {
    const a = document.getElementById('nb-input');
    a.value = value;
    a.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: composing, inputType: 'insertCompositionText' }));
  }, [value, composing]);
  const base = await page.inputValue('#nb-input');
  await page.evaluate(() => document.getElementById('nb-input').dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true })));
  await step(`${base}\nni`, true);
  await step(`${base}\n你`, true);
  await page.waitForTimeout(300);
  const backdrop = () => page.evaluate(() => document.querySelector('.nb-backdrop-text').textContent.replace(/\u200b$/, ''));
  assert.equal(await backdrop(), base, 'not checked while composing');
  await page.evaluate(() => document.getElementById('nb-input').dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '你' })));
  await page.waitForFunction((want) => document.querySelector('.nb-backdrop-text').textContent.replace(/\u200b$/, '') === want, `${base}\n你`, { timeout: 2000 });
  assertCleanAt(site, app);
});

test('figure: a keystroke to its updated marks, 14 KB report', async () => {
  const app = await openApp(browser, site);
  const { page } = app;
  await paste(page, await seed('002_400511ad0ee379b5.txt'));
  await page.waitForSelector('.nb-backdrop .nb-mark');
  const times = [];
  for (let i = 0; i < 9; i++) {
    times.push(await page.evaluate(async (i) => {
      const a = document.getElementById('nb-input');
      const at = Math.floor(a.value.length / 2);
      const value = `${a.value.slice(0, at)}${i % 2 ? '' : '字'}${a.value.slice(at + (i % 2 ? 1 : 0))}`;
      const text = () => document.querySelector('.nb-backdrop-text').textContent.replace(/\u200b$/, '');
      // From the input event to the marks of the new text in the DOM, laid out.
      const start = performance.now();
      a.value = value;
      a.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '字' }));
      while (!(text() === value && document.querySelector('.nb-backdrop .nb-mark'))) {
        await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
        if (performance.now() - start > 5000) break;
      }
      void document.body.offsetHeight;
      return performance.now() - start;
    }, i));
  }
  times.sort((a, b) => a - b);
  console.log(`# figure: keystroke → updated marks (14 KB report, no debounce below 128 KB): median ${times[4].toFixed(1)} ms (runs ${times.map((t) => t.toFixed(1)).join(', ')})`);
  assertCleanAt(site, app);
});

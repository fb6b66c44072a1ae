// End to end: the built site, served under a sub-path with a strict CSP, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launch, openApp, seed, repo } from './harness.mjs';

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

test('pasting seed 002 shows year 2020 and 本年新收 总计 1', async () => {
  const { page, requests, errors } = await openApp(browser, site);
  await page.getByLabel('报告全文').fill(await seed('002_400511ad0ee379b5.txt'));
  await page.locator('[data-field="year"]', { hasText: '2020' }).waitFor({ timeout: 5000 });
  assert.equal(await page.textContent('[data-field="year"]'), '2020');
  assert.equal(await page.textContent('[data-field="requests.new.total"]'), '1');

  const shots = path.join(repo, 'www', 'e2e', 'screenshots');
  await fs.mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'seed-002.png'), fullPage: true });

  assert.deepEqual(errors, [], 'no console errors or CSP violations');
  const offOrigin = requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:'));
  assert.deepEqual(offOrigin, [], 'no request leaves the origin');
});

test('the page works from a sub-path: every asset URL is relative', async () => {
  const html = await fs.readFile(path.join(repo, 'dist', 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length > 0);
  for (const u of urls) assert.ok(u.startsWith('./'), `relative URL: ${u}`);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /<style|style="/, 'no inline style');
});

// Shared by the end-to-end tests: serves dist/ under a sub-path with the strict
// CSP the app must work under, and launches Debian's Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const dist = path.join(repo, 'dist');
export const cases = path.join(repo, 'tests', 'cases');
export const SUBPATH = '/intranet/tools/nianbao/';
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves dist/ at http://127.0.0.1:PORT{SUBPATH}; resolves to { url, close }. */
export async function serveDist() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(SUBPATH)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUBPATH.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${SUBPATH}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function launch({ scrollbars = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // With scrollbars that take width, as on Windows (headless hides them by default).
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens the app in a new page, recording every request and every console error
 * or CSP violation, so tests can assert there were none.
 */
export async function openApp(browser, site) {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url);
  await page.getByLabel('报告全文').waitFor();
  return { page, requests, errors };
}

/** dist/nianbao.html opened from disk, and every URL it requests. */
export async function openSingleFile(browser) {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + path.join(dist, 'nianbao.html'));
  await page.getByLabel('报告全文').waitFor({ timeout: 10000 });
  return { page, requests };
}

export async function seed(name) {
  return fs.readFile(path.join(cases, `seed-${name.replace(/\.txt$/, '')}`, 'input.txt'), 'utf8');
}

/** Fails unless the page logged no error and asked nothing of another origin. */
export function assertCleanAt(site, { errors, requests }) {
  assert.deepEqual(errors, [], 'no console errors or CSP violations');
  const offOrigin = requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('blob:'));
  assert.deepEqual(offOrigin, [], 'no request leaves the origin');
}

/** Puts `text` into the report field as a paste of plain text. */
export async function paste(page, text, html) {
  await page.evaluate(([text, html]) => {
    const area = document.getElementById('nb-input');
    area.focus();
    area.select();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    if (html) data.setData('text/html', html);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [text, html]);
}

/**
 * Fails unless the chosen finding's span is what the editor has selected, its
 * mark begins inside the editor's visible part, the page did not scroll the
 * explanation out of view, and the backdrop lies exactly under the text.
 */
export async function assertChosenInEditor(page) {
  await page.waitForSelector('.nb-backdrop .nb-mark.nb-selected', { timeout: 5000 });
  // The page selects the span again in the next task (Chromium 148 restores a blurred
  // textarea's old selection in the same one): read it once that task has run.
  await page.waitForFunction(() => {
    const area = document.getElementById('nb-input');
    return area.selectionEnd > area.selectionStart;
  }, null, { timeout: 2000 }).catch(() => {});
  const r = await page.evaluate(() => {
    const area = document.getElementById('nb-input');
    const backdrop = document.querySelector('.nb-backdrop');
    const marks = [...backdrop.querySelectorAll('.nb-mark.nb-selected')];
    const a = area.getBoundingClientRect();
    const m = marks[0].getBoundingClientRect();
    const explain = document.querySelector('.nb-explain')?.getBoundingClientRect();
    return {
      selected: area.value.slice(area.selectionStart, area.selectionEnd),
      marked: marks.map((x) => x.textContent).join(''),
      // Its first line (a long span may run past the editor's height).
      markInEditor: m.top >= a.top && m.top + 16 <= a.bottom,
      explainInView: !explain || (explain.top < innerHeight && explain.bottom > 0),
      sameScroll: Math.abs(backdrop.scrollTop - area.scrollTop) <= 1,
      sameLayout: backdrop.scrollHeight === area.scrollHeight && backdrop.clientWidth === area.clientWidth,
    };
  });
  assert.ok(r.selected.length > 0, 'a span is selected in the editor');
  assert.equal(r.selected, r.marked, 'the selection is the marked span');
  assert.ok(r.markInEditor, 'the chosen mark is scrolled into the editor');
  assert.ok(r.explainInView, 'the explanation stays in view');
  assert.ok(r.sameScroll, 'the backdrop scrolls with the text');
  assert.ok(r.sameLayout, 'the backdrop lays the text out as the editor does');
}

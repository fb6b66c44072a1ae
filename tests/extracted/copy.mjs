// Prints the text Chromium copies from each page given (select all, then the
// selection's plain text, as Ctrl+A Ctrl+C in a browser): node copy.mjs OUT_DIR PAGE.html...
// Writes OUT_DIR/browser_<page name>.txt. Uses the Playwright of www/node_modules.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'www', 'package.json'));
const { chromium } = require('playwright-core');

const [out, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
for (const file of pages) {
  await page.goto(pathToFileURL(path.resolve(file)).href);
  const text = await page.evaluate(() => {
    document.execCommand('selectAll');
    return window.getSelection().toString();
  });
  await fs.writeFile(path.join(out, `browser_${path.basename(file, '.html')}.txt`), text);
}
await browser.close();

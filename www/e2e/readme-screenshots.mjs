// The README's screenshots: the page at 1440, 1024 and 390 px with seed 002
// checked and its 正文 finding chosen. Not a test; run after `cargo xtask dist`:
//   node www/e2e/readme-screenshots.mjs
import path from 'node:path';
import { serveDist, launch, openApp, seed, paste, repo } from './harness.mjs';

const site = await serveDist();
const browser = await launch();
try {
  for (const [width, height] of [[1440, 900], [1024, 768], [390, 844]]) {
    const { page } = await openApp(browser, site);
    await page.setViewportSize({ width, height });
    await paste(page, await seed('002_400511ad0ee379b5.txt'));
    await page.locator('button[data-code="N-APPS"]').click();
    await page.locator('.nb-explain').waitFor();
    // The editor's selection and marks drawn (a task after the click).
    await page.waitForTimeout(200);
    if (width === 390) await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(repo, 'www', `screenshot-${width}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}

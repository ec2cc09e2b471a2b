import { launchBrowser, openApp, startServer } from './serve.mjs';
const server = await startServer();
const browser = await launchBrowser();
const { page } = await openApp(browser, server.url);
await page.setViewportSize({ width: 360, height: 780 });
await page.click('[data-action="start-review"]');
await page.setInputFiles('[data-role="review-files"]', ['/tmp/dbg/140105.json', '/tmp/dbg/140106.json']);
await page.waitForSelector('table.comparison');
const wide = await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > 362 && (el.classList.contains('table-wrap') || el.tagName==='SECTION' || el.tagName==='DIV' || el.tagName==='DETAILS')) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
  }
  return [document.documentElement.scrollWidth, out.slice(0, 15)];
});
console.log(JSON.stringify(wide, null, 1));
await browser.close(); await server.close();

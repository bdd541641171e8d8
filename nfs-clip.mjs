import { chromium } from '@playwright/test';
const [out, width, url, ...ys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.setDefaultTimeout(180000);
await page.goto('http://localhost:3000/');
await page.getByRole('button', { name: 'Enter' }).click();
await page.waitForTimeout(5000);
await page.goto('http://localhost:3000' + url);
await page.waitForTimeout(25000);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
console.log('height', h);
let i = 0;
for (const y of ys) {
  await page.screenshot({ path: `${out}-${i++}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Math.min(1100, h - Number(y)) } });
}
await browser.close();

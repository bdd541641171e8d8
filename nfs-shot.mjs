import { chromium } from '@playwright/test';
const [out, width, ...urls] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.setDefaultTimeout(180000);
await page.goto('http://localhost:3000/');
await page.getByRole('button', { name: 'Enter' }).click();
await page.waitForTimeout(5000);
let i = 0;
for (const url of urls) {
  await page.goto('http://localhost:3000' + url);
  await page.waitForTimeout(25000);
  await page.screenshot({ path: `${out}-${i++}.png`, fullPage: true });
}
await browser.close();

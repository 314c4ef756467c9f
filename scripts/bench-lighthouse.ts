/**
 * `npm run bench:lighthouse`: Lighthouse (mobile settings, its defaults) on the home page, the
 * catalogue, an entry, search and the lesson page of the built site, in Debian's Chromium.
 * Prints the four category scores per page. Builds the site first if dist/ is missing.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from './chromium.ts';
import { build, serve } from './lib/serve.ts';

const pages: Record<string, string> = {
  首页: '/',
  全部案例: '/cases/',
  案例页: '/cases/minqing-riji-gongzuofa/',
  搜索: '/search/?q=%E6%B0%91%E6%83%85%E6%97%A5%E8%AE%B0',
  教案: '/lesson/',
};

if (!existsSync('dist/index.html') || process.argv.includes('--build')) build();
const site = await serve();
const chrome = await chromeLauncher.launch({
  chromePath: findChromium({ install: true }),
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const rows: string[] = [];
let worst = 100;
try {
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${site.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const lhr = result!.lhr;
    const scores = categories.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100));
    worst = Math.min(worst, ...scores);
    rows.push(`| ${name} | ${scores.join(' | ')} |`);
    const failing = Object.values(lhr.audits).filter(
      (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable',
    );
    if (failing.length)
      console.log(`${name}: audits below 0.9: ${failing.map((a) => `${a.id} (${a.displayValue ?? a.score})`).join(', ')}`);
  }
} finally {
  await chrome.kill();
  site.stop();
}
console.log('\n| 页面 | performance | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nlowest score: ${worst}`);

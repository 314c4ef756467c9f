/** The light and dark themes: the system's preference, the reader's switch, kept and applied before first paint. */
import { expect, test } from './fixtures.ts';

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('theme', () => {
  // One test: each former test is a step under its old title (a test costs CPU twice, root and /gzf/
  // runs). The focus ring goes first, while no theme is stored; the first-frame check last, as its
  // init script stays for every later load.
  test("the system's theme, the reader's switch, no flash, and the focus ring", async ({ page }) => {
    await test.step('the focus ring keeps 3:1 against the header in both themes', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('');
        await page.keyboard.press('Tab'); // skip link
        await page.keyboard.press('Tab'); // the wordmark, in the header
        const ratio = await page.evaluate(() => {
          const el = document.activeElement!;
          const rgb = (c: string) =>
            c
              .match(/\d+(\.\d+)?/g)!
              .slice(0, 3)
              .map(Number);
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) => {
              const s = v / 255;
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const ring = lum(getComputedStyle(el).outlineColor);
          const header = lum(getComputedStyle(el.closest('header')!).backgroundColor);
          return (Math.max(ring, header) + 0.05) / (Math.min(ring, header) + 0.05);
        });
        expect(ratio, scheme).toBeGreaterThanOrEqual(3);
      }
    });

    await test.step('follows the system, and the switch overrides it for every page and after a reload', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto('cases/minqing-riji-gongzuofa/');
      await expect(page.locator('html')).toHaveAttribute('data-theme-now', 'dark');
      const dark = await background(page);
      const toggle = page.locator('[data-theme-toggle]');
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');

      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      const light = await background(page);
      expect(light).not.toBe(dark);

      // Another page, after a reload: still light although the system says dark.
      await page.goto('search/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await background(page)).toBe(light);
      await page.reload();
      expect(await background(page)).toBe(light);
    });

    await test.step('the chosen theme is in place before the first frame is painted (no flash)', async () => {
      // The page of the previous step is on the site's origin: store the theme there, no extra load.
      await page.evaluate(() => localStorage.setItem('gzf-theme', 'dark'));
      // Runs before any of the page's scripts; the first animation frame comes before the first paint.
      await page.addInitScript(() => {
        requestAnimationFrame(() => {
          (window as unknown as { firstFrame: string | null }).firstFrame = document.documentElement.getAttribute('data-theme');
        });
      });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto('cases/');
      await expect.poll(() => page.evaluate(() => (window as unknown as { firstFrame?: string | null }).firstFrame)).toBe('dark');
      // The script that sets it is a plain blocking script in <head>: not deferred, not a module, not inline.
      const script = await page.evaluate(() => {
        const s = [...document.head.querySelectorAll('script[src]')].find((el) => el.getAttribute('src')!.endsWith('theme.js')) as
          HTMLScriptElement | undefined;
        return (
          s && {
            defer: s.defer,
            async: s.async,
            type: s.type,
            beforeCss:
              (s.compareDocumentPosition(document.querySelector('link[rel="stylesheet"]')!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
          }
        );
      });
      expect(script).toEqual({ defer: false, async: false, type: '', beforeCss: true });
    });
  });
});

/**
 * The reset between tests (tests/e2e/fixtures.ts) isolates: whatever one test leaves in the browser,
 * the next test in the same worker does not see. The three tests run in order in one worker; the
 * first leaves every kind of state behind, the second checks none is left (and, with the fixture's
 * reset, that it got the same page back, so the cheap path is what ran), then leaves state that needs
 * a new page, which the third checks is gone. They load robots.txt only: a tiny same-origin document.
 */
import { readdirSync } from 'node:fs';
import { expect, resetMode, test, type Page } from './fixtures.ts';
import { built } from './site.ts';

test.describe.configure({ mode: 'serial' });
// Playwright's own reuseContext reset (E2E_RESET=playwright) leaves Cache Storage, granted permissions
// and context.setOffline(true) to the next test (measured with this spec): it fails here by design.
test.skip(resetMode === 'playwright', "Playwright's reuseContext reset does not clear everything checked here");

// An asset served as immutable (public/_headers): a second download comes from the HTTP cache.
const asset = `_astro/${readdirSync(built('_astro')).find((f) => f.endsWith('.css'))}`;

/** Everything a test could have left, as the next page load sees it. */
const leftovers = (page: Page, assetPath: string) =>
  page.evaluate(async (assetPath) => {
    const w = window as unknown as Record<string, unknown>;
    await (await fetch(assetPath)).text();
    const timing = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith(assetPath))
      .pop() as PerformanceResourceTiming;
    return {
      text: document.body.textContent?.trim().slice(0, 20),
      pageScript: w.leakPage ?? null,
      contextScript: w.leakContext ?? null,
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      print: matchMedia('print').matches,
      width: innerWidth,
      online: navigator.onLine,
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      confirmed: confirm('reset?'),
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      assetFromCache: timing.transferSize === 0,
      binding: typeof w.leakBinding,
    };
  }, assetPath);

const clean = {
  text: expect.not.stringContaining('routed'),
  pageScript: null,
  contextScript: null,
  dark: false,
  print: false,
  width: 1280,
  online: true,
  geolocation: expect.not.stringMatching('granted'),
  confirmed: false,
  local: 0,
  session: 0,
  cookie: '',
  databases: 0,
  caches: 0,
  assetFromCache: false,
  binding: 'undefined',
};

let firstPage: Page | undefined;

test('a test that leaves storage, cache, routes, scripts, listeners, emulation and offline state', async ({ page, context }) => {
  firstPage = page;
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto('robots.txt');
  // Storage and the HTTP cache first: while a route is set, Playwright turns the cache off.
  const stored = await page.evaluate(async (assetPath) => {
    localStorage.setItem('leak', '1');
    sessionStorage.setItem('leak', '1');
    document.cookie = 'leak=1; max-age=3600';
    await new Promise((resolve) => (indexedDB.open('leak').onsuccess = resolve));
    await (await caches.open('leak')).put('leak', new Response('1'));
    await (await fetch(assetPath)).text();
    await (await fetch(assetPath)).text();
    const timing = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith(assetPath))
      .pop() as PerformanceResourceTiming;
    return { assetFromCache: timing.transferSize === 0, confirmed: confirm('leak?') };
  }, asset);
  // The state is really there (else the next test would prove nothing).
  expect(stored).toEqual({ assetFromCache: true, confirmed: true });

  await page.addInitScript(() => ((window as unknown as Record<string, unknown>).leakPage = 1));
  await context.addInitScript(() => ((window as unknown as Record<string, unknown>).leakContext = 1));
  await page.route('**/robots.txt', (route) => route.fulfill({ body: 'routed', contentType: 'text/plain' }));
  await context.route('**/favicon.svg', (route) => route.fulfill({ body: 'routed', contentType: 'text/plain' }));
  await page.setViewportSize({ width: 400, height: 300 });
  await context.grantPermissions(['geolocation']);
  await page.goto('robots.txt');
  // On the loaded document, as specs do: set before the navigation, the print media type was once
  // (1 run in 3 of the whole suite) not yet applied to the new document.
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  expect(await leftovers(page, asset)).toMatchObject({
    text: 'routed',
    pageScript: 1,
    contextScript: 1,
    dark: true,
    print: true,
    width: 400,
    geolocation: 'granted',
    confirmed: true,
    local: 1,
    session: 1,
    cookie: 'leak=1',
    databases: 1,
    caches: 1,
  });
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test('the next test sees none of it, then leaves state only a new page clears', async ({ page }) => {
  if (resetMode === 'light') expect(page, 'the reset kept the page').toBe(firstPage);
  await page.goto('robots.txt');
  expect(await leftovers(page, asset)).toEqual(clean);
  await page.exposeFunction('leakBinding', () => 1);
  await page.keyboard.down('Shift');
  expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).leakBinding)).toBe('function');
});

test('a binding and a held key are gone in the test after', async ({ page }) => {
  if (resetMode === 'light') expect(page, 'the fixture opened a new page').not.toBe(firstPage);
  await page.goto('robots.txt');
  expect(await leftovers(page, asset)).toEqual(clean);
  // A held Shift would make the typed letter upper case.
  await page.setContent('<input autofocus>');
  // Autofocus applies at the next rendering step, not at once: a key pressed before it goes nowhere
  // (seen once in a loaded run). The key's case is what this test is about, so focus comes first.
  await expect(page.locator('input')).toBeFocused();
  await page.keyboard.press('KeyA');
  await expect(page.locator('input')).toHaveValue('a');
});

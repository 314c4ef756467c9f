/**
 * `test` and `expect` for every spec: Playwright's, with a cheaper reset between tests.
 *
 * Why: with Playwright's `reuseContext` the reset between two tests costs about as much CPU as a page
 * load (it navigates to about:blank, then to every origin the test saw with its requests intercepted,
 * runs a storage-clearing script in each, then clears the HTTP cache), and every test pays it twice
 * (the root and the /gzf/ run). This fixture keeps the same isolation with less work:
 *
 * - each worker keeps a browser context per set of context options (at most two, the default and the
 *   last other one) and ONE page in it;
 * - after each test, the reset below undoes everything a test can leave behind (each step says what
 *   leak it prevents). Everything a test can change is either undone here or makes the fixture throw
 *   the page (or the whole context) away: the fixture decides, no spec has to ask for a fresh page;
 * - a test whose context options differ (`test.use({ javaScriptEnabled: false })`, `isMobile`,
 *   `bypassCSP`, `serviceWorkers`, a viewport…) gets a context made with exactly those options.
 *
 * Switches, to rule this fixture out: `E2E_RESET=playwright` uses Playwright's own `reuseContext`
 * reset; `E2E_FRESH_CONTEXT=1` gives every test a new context (playwright.config.ts reads both).
 * tests/e2e/reset.spec.ts fails if this reset leaks state from one test into the next.
 */
import {
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type CDPSession,
  type Frame,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';

// Specs import everything from here; `test` below replaces Playwright's.
export * from '@playwright/test';

/** Which reset runs between tests: this module's ('light'), Playwright's, or none (a new context each). */
export const resetMode: 'light' | 'playwright' | 'fresh' =
  process.env.E2E_FRESH_CONTEXT === '1' ? 'fresh' : process.env.E2E_RESET === 'playwright' ? 'playwright' : 'light';

type Disposable = { dispose: () => Promise<unknown> };
type Listeners = Map<string | symbol, Set<unknown>>;
type Emitter = {
  eventNames(): (string | symbol)[];
  rawListeners(event: string | symbol): unknown[];
  removeListener(event: string | symbol, listener: never): unknown;
};

/** What the current test changed that the reset must undo, recorded by the wrappers in `watch`. */
interface Ledger {
  /** Init scripts and route handlers, removed by disposing them. */
  disposables: Disposable[];
  /** Pages and contexts with routes: `unrouteAll` ends them (and their HAR routers). */
  routed: Set<Page | BrowserContext>;
  media: boolean;
  offline: boolean;
  permissions: boolean;
  geolocation: boolean;
  headers: boolean;
  /** Keys and mouse buttons held down: released only by a new page. */
  held: Set<string>;
  /** Why the page cannot be reset and must be replaced (a binding, page-level headers or timeouts…). */
  dirtyPage?: string;
  /** Why the context cannot be reset and must be replaced (a clock, a binding, credentials…). */
  dirtyContext?: string;
}

const emptyLedger = (): Ledger => ({
  disposables: [],
  routed: new Set(),
  media: false,
  offline: false,
  permissions: false,
  geolocation: false,
  headers: false,
  held: new Set(),
});

interface Slot {
  key: string;
  options: BrowserContextOptions;
  context: BrowserContext;
  page?: Page;
  cdp?: CDPSession;
  /** Origins whose documents ran in this context since the last reset: their storage is cleared. */
  origins: Set<string>;
  ledger: Ledger;
  contextListeners: Listeners;
  pageListeners: Listeners;
}

interface Pool {
  slots: Slot[];
}

/** Keep a context for the default options and one for the last other set (a describe with `test.use`). */
const POOL_SIZE = 2;
/** A reset that takes longer than this has hit something it cannot undo (an open dialog…): start over. */
const RESET_TIMEOUT = 15_000;

/** Context options as a stable string: tests with the same key can share a context. */
function keyOf(options: BrowserContextOptions): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return JSON.stringify(sorted(options));
}

function listenersOf(emitter: Emitter): Listeners {
  const all: Listeners = new Map();
  for (const name of emitter.eventNames()) all.set(name, new Set(emitter.rawListeners(name)));
  return all;
}

/** Removes every listener added since `before` was taken (page.on('dialog'), page.on('console')…). */
function restoreListeners(emitter: Emitter, before: Listeners) {
  for (const name of emitter.eventNames())
    for (const listener of emitter.rawListeners(name))
      if (!before.get(name)?.has(listener)) emitter.removeListener(name, listener as never);
}

/** Wraps `target[name]` so that a call records what it changed in the slot's current ledger. */
function wrap<T extends object>(target: T, name: string, record: (ledger: Ledger, result: unknown, args: unknown[]) => void, slot: Slot) {
  const original = (target as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  (target as Record<string, unknown>)[name] = async function (this: unknown, ...args: unknown[]) {
    const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
    record(slot.ledger, result, args);
    return result;
  };
}

const dispose = (ledger: Ledger, result: unknown) => {
  if (result && typeof (result as Disposable).dispose === 'function') ledger.disposables.push(result as Disposable);
};

/** Records the origin of every document that runs in a page (main frame and frames). */
function trackOrigins(slot: Slot, page: Page) {
  page.on('framenavigated', (frame: Frame) => {
    const url = frame.url();
    if (/^https?:/.test(url)) slot.origins.add(new URL(url).origin);
  });
}

/** Calls a page and a context both offer that nothing cheap undoes: what they touched is replaced. */
const NO_UNDO = ['routeWebSocket', 'exposeBinding', 'exposeFunction', 'setDefaultTimeout', 'setDefaultNavigationTimeout'];

function watchContext(slot: Slot) {
  const { context } = slot;
  wrap(context, 'addInitScript', dispose, slot);
  for (const name of ['route', 'routeFromHAR']) wrap(context, name, (l) => l.routed.add(context), slot);
  wrap(context, 'setOffline', (l) => (l.offline = true), slot);
  for (const name of ['grantPermissions', 'clearPermissions']) wrap(context, name, (l) => (l.permissions = true), slot);
  wrap(context, 'setGeolocation', (l) => (l.geolocation = true), slot);
  wrap(context, 'setExtraHTTPHeaders', (l) => (l.headers = true), slot);
  // No cheap undo: a new context.
  for (const name of [...NO_UNDO, 'setHTTPCredentials']) wrap(context, name, (l) => (l.dirtyContext ??= `context.${name}`), slot);
  for (const name of ['install', 'setFixedTime', 'setSystemTime', 'pauseAt', 'runFor', 'fastForward', 'resume'])
    wrap(context.clock, name, (l) => (l.dirtyContext ??= `clock.${name}`), slot);
  context.on('page', (page) => trackOrigins(slot, page));
}

function watchPage(slot: Slot, page: Page) {
  wrap(page, 'addInitScript', dispose, slot);
  for (const name of ['route', 'routeFromHAR']) wrap(page, name, (l) => l.routed.add(page), slot);
  wrap(page, 'emulateMedia', (l) => (l.media = true), slot);
  // No cheap undo: a new page.
  for (const name of [...NO_UNDO, 'setExtraHTTPHeaders']) wrap(page, name, (l) => (l.dirtyPage ??= `page.${name}`), slot);
  wrap(page.keyboard, 'down', (l, _r, [key]) => l.held.add(`key ${key}`), slot);
  wrap(page.keyboard, 'up', (l, _r, [key]) => l.held.delete(`key ${key}`), slot);
  wrap(page.mouse, 'down', (l, _r, [o]) => l.held.add(`mouse ${(o as { button?: string })?.button ?? 'left'}`), slot);
  wrap(page.mouse, 'up', (l, _r, [o]) => l.held.delete(`mouse ${(o as { button?: string })?.button ?? 'left'}`), slot);
  page.on('crash', () => (slot.ledger.dirtyPage ??= 'crashed'));
}

async function openPage(slot: Slot): Promise<Page> {
  // The 'page' listener of watchContext tracks its origins.
  const page = await slot.context.newPage();
  watchPage(slot, page);
  slot.page = page;
  slot.cdp = undefined;
  slot.pageListeners = listenersOf(page as unknown as Emitter);
  return page;
}

async function openSlot(pool: Pool, newContext: () => Promise<BrowserContext>, key: string, options: BrowserContextOptions) {
  const context = await newContext();
  const slot: Slot = {
    key,
    options,
    context,
    origins: new Set(),
    ledger: emptyLedger(),
    contextListeners: new Map(),
    pageListeners: new Map(),
  };
  watchContext(slot);
  slot.contextListeners = listenersOf(context as unknown as Emitter);
  pool.slots.unshift(slot);
  for (const old of pool.slots.splice(POOL_SIZE)) await old.context.close().catch(() => {});
  return slot;
}

async function dropSlot(pool: Pool, slot: Slot) {
  pool.slots = pool.slots.filter((s) => s !== slot);
  await slot.context.close().catch(() => {});
}

/**
 * Undoes what the test left in the slot; throws when it cannot (the caller then drops the context).
 * Costs (one worker, this machine): about 0.3 CPU-s when the page is kept (0.2 of it the navigation
 * to favicon.svg), Playwright's reset about 0.5; a new page (about 0.5 more) when the test made it dirty.
 */
async function reset(slot: Slot) {
  const { context, options, ledger } = slot;
  if (ledger.dirtyContext) throw new Error(`the test used ${ledger.dirtyContext}`);
  const siteOrigin = options.baseURL ? new URL(options.baseURL).origin : undefined;
  let page = slot.page && !slot.page.isClosed() ? slot.page : undefined;

  // Extra pages (popups, context.newPage()): they hold documents, dialogs and their own session storage.
  for (const other of context.pages()) if (other !== page) await other.close();

  // Listeners the test added (page.on('dialog') would answer the next test's dialogs, page.on('console')
  // would collect its messages). Removing exactly the added ones keeps Playwright's and ours.
  restoreListeners(context as unknown as Emitter, slot.contextListeners);
  if (page) restoreListeners(page as unknown as Emitter, slot.pageListeners);

  // Init scripts (store-before-load.ts, watchLayoutShifts…) would run on every later page load, routes
  // would answer later requests. Both before the navigation below, so that neither touches it.
  // One round trip each, only when used.
  for (const d of ledger.disposables.splice(0)) await d.dispose();
  for (const target of ledger.routed) await target.unrouteAll({ behavior: 'ignoreErrors' });

  // Context-wide state the test switched, set back to the context's options. One round trip each, only when used.
  if (ledger.offline) await context.setOffline(options.offline ?? false);
  if (ledger.permissions) {
    await context.clearPermissions();
    if (options.permissions?.length) await context.grantPermissions(options.permissions);
  }
  if (ledger.geolocation) await context.setGeolocation(options.geolocation ?? null);
  if (ledger.headers) await context.setExtraHTTPHeaders(options.extraHTTPHeaders ?? {});

  // A page with held keys or buttons, page-level headers, timeouts or bindings has no cheap undo: a new
  // page, whose session storage, history and emulation start empty (about 0.5 CPU-s, rare).
  const wantViewport = options.viewport === undefined ? { width: 1280, height: 720 } : options.viewport;
  const dirty =
    ledger.dirtyPage ?? (ledger.held.size ? `held ${[...ledger.held].join(', ')}` : undefined) ?? (wantViewport ? undefined : 'viewport');
  if (page && dirty) {
    await page.close();
    page = undefined;
  }
  if (!page) page = await openPage(slot);

  // Ends the test's document first: its timers, workers and unload handlers could still write storage
  // after the clearing below. The page rests at the site's favicon.svg, a tiny same-origin document:
  // leaving the test's page for it and the next test's first load from it stay in the same renderer
  // and browsing instance. Resting at about:blank instead cost 0.4 CPU-s more per test (20 tests of
  // one entry page each, one worker: 1.08 against 0.69 CPU-s a test; Playwright's reset 0.90, no
  // reset at all 0.37), most of it in the next test's load from about:blank.
  const resting = options.baseURL ? new URL('favicon.svg', options.baseURL).href : 'about:blank';
  if (page.url() !== resting) await page.goto(resting);

  slot.cdp ??= await context.newCDPSession(page);
  const cdp = slot.cdp;
  // Storage of every origin a document ran at: local and session storage (Chromium clears both for
  // local_storage, checked in reset.spec.ts), IndexedDB, Cache Storage, service workers, OPFS, cookies.
  // Playwright's reset clears the same except Cache Storage. Browser-side, no page work.
  if (siteOrigin) slot.origins.add(siteOrigin);
  await Promise.all([...slot.origins].map((origin) => cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })));
  slot.origins.clear();
  await Promise.all([
    // The HTTP cache: a test must download what it loads, as a first visit does (Playwright does the same).
    cdp.send('Network.clearBrowserCache'),
    // Cookies of origins no document ran at (set by subresources).
    context.clearCookies(),
    // Back/forward history: page.goBack() must not reach the last test's pages.
    cdp.send('Page.resetNavigationHistory'),
    // The pointer: where it rests gives elements :hover in the next page (Playwright moves it away too).
    page.mouse.move(-1, -1),
  ]);

  // Emulation the test set on the page, back to the context's options.
  const size = page.viewportSize();
  if (wantViewport && (size?.width !== wantViewport.width || size?.height !== wantViewport.height))
    await page.setViewportSize(wantViewport);
  if (ledger.media)
    await page.emulateMedia({
      media: null,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      forcedColors: options.forcedColors ?? 'none',
      contrast: options.contrast ?? 'no-preference',
    });
}

/**
 * Playwright's own test-scoped fixture `_combinedContextOptions` (the config's `use` with the test's
 * `test.use`: what its own `context` fixture passes to newContext), given a type. Internal to
 * Playwright (1.65, pinned by package-lock.json); the fixture throws below if it ever goes missing.
 */
const withOptions = base as unknown as TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & { _combinedContextOptions: BrowserContextOptions },
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>;

const light = withOptions.extend<{ _slot: Slot }, { _pool: Pool }>({
  _pool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const pool: Pool = { slots: [] };
      await use(pool);
      for (const slot of pool.slots) await slot.context.close().catch(() => {});
    },
    { scope: 'worker' },
  ],
  _slot: [
    async ({ _pool, browser, _combinedContextOptions: options }, use, testInfo) => {
      if (!options?.baseURL) throw new Error('fixtures.ts: Playwright no longer provides _combinedContextOptions');
      const key = keyOf(options);
      const slot = _pool.slots.find((s) => s.key === key) ?? (await openSlot(_pool, () => browser.newContext(options), key, options));
      // Most recently used first: the pool drops the least recently used.
      _pool.slots = [slot, ..._pool.slots.filter((s) => s !== slot)];
      slot.ledger = emptyLedger();
      slot.contextListeners = listenersOf(slot.context as unknown as Emitter);
      if (slot.page && !slot.page.isClosed()) slot.pageListeners = listenersOf(slot.page as unknown as Emitter);
      await use(slot);
      // A test that timed out may have left a dialog open or an action running: no reset, a new context.
      if (testInfo.status === 'timedOut') return dropSlot(_pool, slot);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          reset(slot),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('reset timed out')), RESET_TIMEOUT))),
        ]);
      } catch {
        // Whatever could not be undone goes with its context; the next test gets a new one.
        await dropSlot(_pool, slot);
      } finally {
        clearTimeout(timer);
      }
    },
    { box: true },
  ],
  context: async ({ _slot }, use) => {
    await use(_slot.context);
  },
  page: async ({ _slot }, use) => {
    const page = _slot.page && !_slot.page.isClosed() ? _slot.page : await openPage(_slot);
    await use(page);
  },
});

/** Playwright's `test` with this module's reset, unless a switch above asks for Playwright's own. */
export const test: typeof base = resetMode === 'light' ? (light as unknown as typeof base) : base;

/** Locating (and on Debian as root, installing) the system Chromium that browser tests and benchmarks use. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Chinese fonts, so pages render (and printed PDFs carry) real Chinese text, not empty boxes. */
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Flags for a closed network and a root sandbox (see README, "Browser tests"): tests, screenshots and benches share them. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function findChromium({ install = false } = {}): string {
  const canApt = install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv && existsSync(fromEnv) ? fromEnv : candidates.find((path) => existsSync(path));
  const missing = [...(found ? [] : ['chromium']), ...(existsSync(cjkFont) ? [] : ['fonts-noto-cjk'])];
  if (missing.length && canApt) {
    console.log(`Installing Debian packages for the browser tests: ${missing.join(' ')}…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
  } else if (missing.includes('fonts-noto-cjk')) {
    console.warn('No Chinese font found (Debian: apt-get install fonts-noto-cjk); the printed-handout test needs one.');
  }
  if (found) return found;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  console.error(
    [
      'Browser tests need a system Chromium and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  macOS:          brew install --cask chromium   (then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium)',
      '  Anywhere:       set CHROMIUM_PATH to a Chromium or Chrome executable.',
    ].join('\n'),
  );
  process.exit(1);
}

/** Locating (and on Debian as root, installing) the system Chromium that browser tests and benchmarks use. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium({ install = false } = {}): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const canApt = install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get install chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
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

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { absolute, href } from '../../src/lib/url.ts';
import { normaliseBase, normaliseSiteUrl } from '../../src/site-config.ts';

describe('URL helper', () => {
  it('puts the base in front of site paths, once', () => {
    expect(href('/cases/a/', '/')).toBe('/cases/a/');
    expect(href('/cases/a/', '/gzf/')).toBe('/gzf/cases/a/');
    expect(href('/', '/gzf/')).toBe('/gzf/');
    expect(href('/gzf/cases/a/', '/gzf/')).toBe('/gzf/cases/a/');
    expect(href('/gzfoo/', '/gzf/')).toBe('/gzf/gzfoo/');
    expect(href('https://x.test/a', '/gzf/')).toBe('https://x.test/a');
    expect(href('//cdn.test/a', '/gzf/')).toBe('//cdn.test/a');
    expect(href('#top', '/gzf/')).toBe('#top');
  });

  it('writes full addresses only when the public address is known', () => {
    expect(absolute('/cases/a/', 'https://dj.example.gov.cn/gzf/', '/gzf/')).toBe('https://dj.example.gov.cn/gzf/cases/a/');
    expect(absolute('/cases/a/', undefined, '/gzf/')).toBe('/gzf/cases/a/');
    expect(absolute('/', undefined, '/')).toBe('/');
  });

  it('normalises and checks the two settings', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('gzf')).toBe('/gzf/');
    expect(normaliseBase('/a//b')).toBe('/a/b/');
    expect(() => normaliseBase('https://x/gzf/')).toThrow(/BASE_PATH/);
    expect(normaliseSiteUrl(undefined, '/')).toBeUndefined();
    expect(normaliseSiteUrl('https://dj.example.gov.cn', '/gzf/')).toBe('https://dj.example.gov.cn/gzf/');
    expect(normaliseSiteUrl('https://dj.example.gov.cn/gzf', '/gzf/')).toBe('https://dj.example.gov.cn/gzf/');
    expect(() => normaliseSiteUrl('https://dj.example.gov.cn/other/', '/gzf/')).toThrow(/BASE_PATH/);
    expect(() => normaliseSiteUrl('dj.example.gov.cn', '/')).toThrow(/SITE_URL/);
  });
});

/**
 * A root-absolute URL written anywhere but through src/lib/url.ts breaks the site under a
 * sub-path. These patterns catch the ways the code base writes links; a literal that is the
 * argument of href()/absolute()/here() is fine, and so is a line marked `url-ok` (text that shows
 * a path to a reader, not a link).
 */
const rootAbsolute: RegExp[] = [
  /\b(?:href|src|action|kindHref)=["']\/(?!\/)/, // href="/cases/"
  /\b(?:href|src|action|kindHref)=\{\s*[`'"]\/(?!\/)/, // href={`/cases/${id}/`}
  /\b(?:href|src|url|link)\s*:\s*[`'"]\/(?!\/)/, // { href: '/cases/' }
  /\.href\s*=\s*[`'"]\/(?!\/)/, // a.href = '/cases/'
  /\b(?:fetch|register|import)\(\s*(?:\/\*.*?\*\/\s*)?[`'"]\/(?!\/)/, // fetch('/pagefind/…')
  /[`'"]\/(?:cases|pagefind|sw\.js|search|lesson|rss\.xml|themes|domains|regions|years|sources|compare|stats|guide|codebook|backlog|submit|offline|favicon|_astro|sitemap)\b/,
  /\$\{'\/pagefind\/'\}/,
  /location\.origin\s*\}?\s*[`+]?\s*\/?[`'"]?\//, // `${location.origin}/lesson/`
  /new URL\(\s*[`'"]\/(?!\/)/, // new URL('/cases/…', …)
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.(ts|astro|mjs|js)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('no root-absolute URL outside the helper', () => {
  it('src/ builds every link, asset and fetch through src/lib/url.ts', () => {
    const offences: string[] = [];
    for (const file of sourceFiles('src')) {
      if (file.endsWith(join('lib', 'url.ts'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/url-ok/.test(line) || /^\s*(\*|\/\/|\/\*\*)/.test(line)) return;
          const stripped = line.replace(/\b(?:href|absolute|here)\(\s*([`'"])\/[^`'"]*\1?/g, 'HELPER(');
          if (rootAbsolute.some((re) => re.test(stripped))) offences.push(`${relative('.', file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offences, `Root-absolute URLs; write them as href('/…') or absolute('/…') from src/lib/url.ts:\n${offences.join('\n')}`).toEqual(
      [],
    );
  });

  it('the check itself catches the usual ways of writing one', () => {
    const bad = [
      `<a href="/cases/">`,
      'href={`/regions/${id}/`}',
      "{ href: '/cases/', label }",
      "a.href = '/cases/';",
      "fetch('/pagefind/parts.json')",
      "navigator.serviceWorker.register('/sw.js')",
      'const url = `${location.origin}/lesson/?l=`;',
    ];
    for (const line of bad)
      expect(
        rootAbsolute.some((re) => re.test(line)),
        line,
      ).toBe(true);
    const good = ["<a href={href('/cases/')}>", "fetch(href('/pagefind/parts.json'))", 'href="https://example.org/"', 'href="#main"'];
    for (const line of good) {
      const stripped = line.replace(/\b(?:href|absolute|here)\(\s*([`'"])\/[^`'"]*\1?/g, 'HELPER(');
      expect(
        rootAbsolute.some((re) => re.test(stripped)),
        line,
      ).toBe(false);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headersFor, parseHeadersFile, patternMatcher, startStaticServer } from '../../scripts/lib/static-server.ts';

describe('_headers rules', () => {
  const rules = parseHeadersFile(
    [
      '# comment',
      '/*',
      '  X-Frame-Options: DENY',
      '  Link: </a.css>',
      '',
      '/_astro/*',
      '  Cache-Control: immutable',
      '/cases/:id/',
      '  Link: </b.css>',
    ].join('\n'),
  );
  it('applies every matching rule, joining repeated headers', () => {
    expect(headersFor(rules, '/cases/x/')).toEqual({ 'X-Frame-Options': 'DENY', Link: '</a.css>, </b.css>' });
    expect(headersFor(rules, '/_astro/a/b.js')).toEqual({ 'X-Frame-Options': 'DENY', Link: '</a.css>', 'Cache-Control': 'immutable' });
  });
  it('matches :name to one segment and * to any characters', () => {
    expect(patternMatcher('/cases/:id/').test('/cases/a/b/')).toBe(false);
    expect(patternMatcher('/_astro/*').test('/_astro/')).toBe(true);
    expect(patternMatcher('/a.b').test('/aXb')).toBe(false);
  });
  it('names the line of a malformed file', () => {
    expect(() => parseHeadersFile('  X: y')).toThrow(/line 1/);
    expect(() => parseHeadersFile('/*\n  no colon here')).toThrow(/line 2/);
    expect(() => parseHeadersFile('cases/*\n  X: y')).toThrow(/line 1/);
  });
});

describe('startStaticServer', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    mkdirSync(join(root, 'cases'));
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    writeFileSync(join(root, 'cases', 'index.html'), '<p>cases</p>');
    writeFileSync(join(root, '404.html'), '<p>not found</p>');
    writeFileSync(join(root, 'a.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(root, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'\n");
    writeFileSync(join(root, '..', 'secret-outside-root.txt'), 'secret');
    server = await startStaticServer({ root });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(join(root, '..', 'secret-outside-root.txt'), { force: true });
  });

  it('serves pages with the headers of _headers', async () => {
    const response = await fetch(`${server.url}/cases/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await response.text()).toBe('<p>cases</p>');
  });
  it('serves WebAssembly as application/wasm (streaming compilation needs it)', async () => {
    expect((await fetch(`${server.url}/a.wasm`)).headers.get('content-type')).toBe('application/wasm');
  });
  it('redirects a folder without its slash, and answers 404 with 404.html', async () => {
    const redirect = await fetch(`${server.url}/cases`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/cases/');
    const missing = await fetch(`${server.url}/nothing/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>not found</p>');
  });
  it('never serves _headers or anything outside its folder', async () => {
    expect((await fetch(`${server.url}/_headers`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/secret-outside-root.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2fsecret-outside-root.txt`)).status).toBe(404);
  });
});

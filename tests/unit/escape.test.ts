import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/lib/escape.ts';
import { cspMetaFirst } from '../../src/lib/csp-head.ts';

const payloads = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<meta http-equiv=refresh content="0;url=https://example.org">',
  '<!--<script>',
  'a\u2028b\u2029c',
  'AT&T &lt;b&gt;',
];

describe('jsonForScript', () => {
  it.each(payloads)('keeps %j inside the script element and gives back the same value', (text) => {
    const value = { headline: text, list: [text], nested: { name: text } };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
  it('writes the five characters as \\u escapes', () => {
    expect(jsonForScript('<>&\u2028\u2029')).toBe('"\\u003c\\u003e\\u0026\\u2028\\u2029"');
  });
  it('refuses a value with no JSON form instead of writing "undefined"', () => {
    expect(() => jsonForScript(undefined)).toThrow();
  });
});

describe('escapeHtml', () => {
  it.each(payloads)('leaves no markup in %j', (text) => {
    const html = escapeHtml(text);
    expect(html).not.toMatch(/[<>"']/);
    const decoded = html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(text);
  });
});

describe('cspMetaFirst', () => {
  const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;
  it('moves the policy before every other element of <head>', () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>x</title><script type="application/ld+json">{}</script>${csp}<link rel="stylesheet" href="/a.css"></head><body></body></html>`;
    const out = cspMetaFirst(page);
    expect(out).toBe(
      `<!doctype html><html><head>${csp}<meta charset="utf-8"><title>x</title><script type="application/ld+json">{}</script><link rel="stylesheet" href="/a.css"></head><body></body></html>`,
    );
    expect(cspMetaFirst(out)).toBe(out);
  });
  it('leaves a page without a policy unchanged', () => {
    const page = '<html><head><title>x</title></head></html>';
    expect(cspMetaFirst(page)).toBe(page);
  });
  it('refuses a page with two policies or one outside <head>', () => {
    expect(() => cspMetaFirst(`<html><head>${csp}${csp}</head></html>`)).toThrow(/2 Content-Security-Policy/);
    expect(() => cspMetaFirst(`<html><head></head><body>${csp}</body></html>`)).toThrow(/not inside <head>/);
  });
});

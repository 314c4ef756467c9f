import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

describe('deploy/ files', () => {
  const docker = readFileSync('deploy/Dockerfile', 'utf8');
  const nginx = readFileSync('deploy/nginx.conf', 'utf8');

  it('the Dockerfile uses the official nginx image and copies what nginx.conf serves', () => {
    const lines = docker.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines[0]).toMatch(/^FROM nginx:[\w.-]+$/);
    for (const line of lines) expect(line, line).toMatch(/^(FROM|RUN|COPY|EXPOSE|CMD) /);
    const alias = /alias (\S+);/.exec(nginx)![1];
    expect(docker).toContain(`COPY dist/ ${alias}`);
    expect(docker).toMatch(/COPY deploy\/nginx\.conf \/etc\/nginx\/conf\.d\/\S+\.conf/);
    expect(docker).toContain('RUN nginx -t');
  });

  it('nginx.conf states every header of public/_headers for the site', () => {
    const headers = readFileSync('public/_headers', 'utf8');
    const site = headers.slice(headers.indexOf('/*\n'), headers.indexOf('\n\n', headers.indexOf('/*\n')));
    const pairs = [...site.matchAll(/^\s+([A-Za-z-]+):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()]);
    expect(pairs.length).toBeGreaterThan(4);
    for (const [name, value] of pairs) expect(nginx, name).toContain(`add_header ${name} "${value}" always;`);
    expect(nginx).toContain('default_type application/wasm;');
    expect(nginx).toMatch(/_astro\/\s+"public, max-age=31536000, immutable"/);
    expect(nginx).toContain('gzip on;');
  });
});

describe('static server under a base', () => {
  it('serves the site only under the base, with _headers matched as at the root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'static-base-'));
    mkdirSync(join(root, 'cases'));
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    writeFileSync(join(root, 'cases', 'index.html'), '<p>cases</p>');
    writeFileSync(join(root, '404.html'), '<p>missing</p>');
    writeFileSync(join(root, '_headers'), '/*\n  X-Test: all\n/cases/*\n  X-Cases: yes\n');
    const { url, close } = await startStaticServer({ root, base: '/gzf/' });
    try {
      const home = await fetch(`${url}/gzf/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('home');
      expect(home.headers.get('x-test')).toBe('all');
      const cases = await fetch(`${url}/gzf/cases/`);
      expect(cases.headers.get('x-cases')).toBe('yes');
      const bare = await fetch(`${url}/gzf/cases`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/gzf/cases/']);
      expect((await fetch(`${url}/gzf`, { redirect: 'manual' })).headers.get('location')).toBe('/gzf/');
      const outside = await fetch(`${url}/cases/`);
      expect(outside.status).toBe(404);
      expect((await fetch(`${url}/gzf/_headers`)).status).toBe(404);
    } finally {
      await close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

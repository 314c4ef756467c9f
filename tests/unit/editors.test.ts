/**
 * A draft made by `npm run new` builds, and nothing of it reaches any built file. The only editors'
 * test that runs `astro build` (vitest.config.ts, `building`); the command's other tests, which
 * build nothing, are in new-case.test.ts and run with the other unit files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flags, newCaseWorkspace, root } from './new-case-cli.ts';

describe('npm run new', () => {
  const { work, runNew } = newCaseWorkspace();

  it('the new draft builds, and nothing of it appears in any built file', () => {
    // A draft of its own, with an author and unit found nowhere else.
    const draft = runNew([
      ...flags.map((f) => (f === '某县某村党支部' ? '草稿专用测试村党支部' : f === '“夜访”工作法' ? '“草稿专用测试”工作法' : f)),
      '--author',
      '草稿测试撰写人',
    ]);
    expect(draft.status, draft.stderr + draft.stdout).toBe(0);
    const id = /(deyang-[a-z-]+)\.mdx/.exec(draft.stdout)?.[1];
    expect(id).toBeTruthy();
    const out = join(work, 'dist');
    const build = spawnSync('npx', ['astro', 'build'], {
      cwd: root,
      encoding: 'utf8',
      // A clean environment: vitest's own variables (NODE_ENV=test, VITEST…) would make this a development build.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CONTENT_DIR: join(work, 'content'),
        OUT_DIR: out,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    expect(build.status, build.stdout.slice(-2000) + build.stderr.slice(-2000)).toBe(0);
    expect(existsSync(join(out, 'cases/minqing-riji-gongzuofa/index.html'))).toBe(true);
    expect(existsSync(join(out, `cases/${id}/index.html`))).toBe(false);
    // Every built file, search index included (Pagefind's files are gzip-compressed).
    const leaks: string[] = [];
    const files = readdirSync(out, { recursive: true }) as string[];
    for (const name of files) {
      const path = join(out, name);
      if (!statSync(path).isFile()) continue;
      let bytes = readFileSync(path);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      const text = bytes.toString('utf8');
      for (const needle of [id!, '草稿专用测试', '草稿测试撰写人']) if (text.includes(needle)) leaks.push(`${name}: ${needle}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // The backlog says drafts exist, without naming them.
    expect(readFileSync(join(out, 'backlog/index.html'), 'utf8')).toMatch(/另有 \d+ 篇草稿/);
  }, 180_000);
});

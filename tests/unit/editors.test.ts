/** The editors' ways in: the scaffold command, the generated guide, and the publishing rules. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { dueForReview, isPublished } from '../../src/lib/editorial.ts';
import { freeId, suggestId } from '../../src/lib/entry-file.ts';
import { guideMarkdown } from '../../src/lib/guide.ts';

const root = new URL('../../', import.meta.url).pathname;
// Inside the project (git-ignored .bench/), so the build resolves the content's modules.
mkdirSync(join(root, '.bench'), { recursive: true });
const work = mkdtempSync(join(root, '.bench', 'new-case-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runNew = (args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-case.ts', '--dir', join(work, 'content'), ...args], { cwd: root, encoding: 'utf8' });

// 2.7 s idle; 70 s was seen at load 19 (round 5), so the limit only catches a hang.
describe('npm run new', { timeout: 120_000 }, () => {
  cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
  const flags = [
    '--title',
    '“夜访”工作法',
    '--unit',
    '某县某村党支部',
    '--province',
    'sichuan',
    '--city',
    '德阳市',
    '--domain',
    'nongcun',
    '--themes',
    'zoufang-lianxi,minqing-shouji',
    '--source',
    'qunzhong-gongzuo-baodao-huibian',
    '--locator',
    '第1-45行',
    '--level',
    'cun-shequ',
    '--year',
    '2012',
  ];

  it('creates a pinyin-named draft that passes every content rule', () => {
    const result = runNew(flags);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const file = join(work, 'content/cases/deyang-yefang-gongzuofa.mdx');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('status: 草稿');
    expect(text.match(/^## (背景|做法|成效|启示)$/gm)).toEqual(['## 背景', '## 做法', '## 成效', '## 启示']);
    // Guidance is Markdown the check knows as a placeholder, never an MDX comment ({…} can run code).
    expect(text).toContain('> （待填写·写作提示');
    expect(text).not.toMatch(/[{}]/);
    const check = checkProject(work);
    expect(check.errors).toEqual([]);
    expect(check.warnings.some((w) => w.file.endsWith('deyang-yefang-gongzuofa.mdx') && w.message.zh.includes('待填写'))).toBe(true);
  });

  it('never overwrites: a taken id gets a suffix, and an explicit taken id is refused', () => {
    // Same title and place, another unit: the id is taken, so it gets a suffix.
    const again = runNew(flags.map((f) => (f === '某县某村党支部' ? '另一个村党支部' : f)));
    expect(again.status, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toContain('deyang-yefang-gongzuofa-2');
    const refused = runNew([...flags.map((f) => (f === '某县某村党支部' ? '第三个村党支部' : f)), '--id', 'minqing-riji-gongzuofa']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不会覆盖');
    expect(readFileSync(join(work, 'content/cases/minqing-riji-gongzuofa.mdx'), 'utf8')).toContain('淋头村');
  });

  it('names the missing flags when not run in a terminal', () => {
    const result = runNew(['--title', '某工作法']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--unit');
    expect(result.stderr).toContain('--province');
  });

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
      for (const needle of [id!, '草稿专用测试', '草稿测试撰写人', 'deyang-yefang-gongzuofa', '“夜访”工作法'])
        if (text.includes(needle)) leaks.push(`${name}: ${needle}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // The backlog says drafts exist, without naming them.
    expect(readFileSync(join(out, 'backlog/index.html'), 'utf8')).toMatch(/另有 \d+ 篇草稿/);
  }, 180_000);
});

describe('ids', () => {
  it('are pinyin from place and title', () => {
    expect(suggestId('“民情日记”工作法', '韶关市')).toBe('shaoguan-minqing-riji-gongzuofa');
    expect(suggestId('“365社区服务工作法”', '宁波市')).toBe('ningbo-365-shequ-fuwu-gongzuofa');
    expect(freeId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('publishing rules', () => {
  it('publishes drafts only in dev, and 待审 only when the switch is on', () => {
    expect(isPublished('已发布', false)).toBe(true);
    expect(isPublished('草稿', false)).toBe(false);
    expect(isPublished('草稿', true)).toBe(true);
    expect(isPublished('待审', false, false)).toBe(false);
    expect(isPublished('待审', false, true)).toBe(true);
  });
  it('puts an entry up for review two years after its last review', () => {
    expect(dueForReview('2024-11-22', '2026-11-23')).toBe(true);
    expect(dueForReview('2024-11-23', '2026-11-23')).toBe(false);
    expect(dueForReview('2026-01-01', '2026-11-23')).toBe(false);
  });
});

describe('the editors’ guide', () => {
  it('CONTRIBUTING.md is what the schema generates (run npm run guide after changing a schema)', () => {
    expect(readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')).toBe(guideMarkdown());
  });
  it('describes every field of the schema', () => {
    const guide = guideMarkdown();
    for (const field of ['title', 'region.province', 'source.locator', 'status', 'reviewed', 'questions'])
      expect(guide).toContain(`\`${field}\``);
  });
});

/** The editors' ways in that build nothing: the scaffold command, ids, the publishing rules and the generated guide. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { dueForReview, isPublished } from '../../src/lib/editorial.ts';
import { freeId, suggestId } from '../../src/lib/entry-file.ts';
import { guideMarkdown } from '../../src/lib/guide.ts';
import { flags, newCaseWorkspace, root } from './new-case-cli.ts';

// 2.7 s idle; 70 s was seen at load 19 (round 5), so the limit only catches a hang.
describe('npm run new', { timeout: 120_000 }, () => {
  const { work, runNew } = newCaseWorkspace();

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

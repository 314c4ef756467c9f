import { describe, expect, it } from 'vitest';
import { parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { findPrivateData, findUnsafeMarkup } from '../../src/lib/safety.ts';

describe('findPrivateData', () => {
  it.each([
    ['mobile number', '联系电话 13926093388'],
    ['landline with area code', '电话：020-87185119'],
    ['landline without separator', '0751 3336666'],
    ['18-digit ID number', '身份证 44020219800101123X'],
    ['e-mail address', '邮箱 someone@example.com'],
    ['street address', '地址：天河区体育西路123号'],
  ])('finds a %s', (_name, text) => {
    expect(findPrivateData(text)).toHaveLength(1);
  });
  it.each([
    ['figures', '全村1523人，党员48人，投入100万元，占90%以上'],
    ['document numbers', '粤群组办〔2014〕12号'],
    ['service hotlines and years', '开通96345热线，2013年起实行“1+10”制度，81890平台'],
    ['decimals', '增长了51.41万件'],
  ])('leaves %s alone', (_name, text) => {
    expect(findPrivateData(text)).toEqual([]);
  });
  it('gives the line of each finding', () => {
    expect(findPrivateData('第一行\n第二行 13800138000')[0].line).toBe(2);
  });
});

describe("findUnsafeMarkup (on the tree of the build's MDX parser)", () => {
  it.each([
    ['import', 'import Foo from "./foo.astro"'],
    ['export', 'export const x = 1'],
    ['script', '<script>alert(1)</script>'],
    ['iframe', '<iframe src="https://example.com"></iframe>'],
    ['event handler', '<img src="x" onerror="alert(1)" />'],
    ['component', '<Chart data="x" />'],
    ['expression', '共有 {1 + 1} 人'],
    ['comment-only expression', '{/* 编者注 */}'],
    ['HTML comment', '<!-- 编者注 -->'],
    ['javascript: link with a space', '[x]( javascript:alert(1))'],
    ['javascript: definition', '[a]: javascript:alert(1)'],
    ['data: image', '![图](data:image/png;base64,AAAA)'],
  ])('refuses %s', (_name, line) => {
    const problems = findUnsafeMarkup(`正文\n\n${line}\n`, parseMdxBody);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(3);
  });
  it('refuses a footnote, its reference and its text, saying why, and still reads what its text holds', () => {
    const problems = findUnsafeMarkup('全县“双强”书记已达264名[^1]。\n\n[^1]: 见[说明](javascript:alert(1))。\n', parseMdxBody);
    expect(problems.map((p) => p.line)).toEqual([1, 3, 3]);
    expect(problems[0].message.zh).toContain('正文不用脚注');
    expect(problems[0].message.zh).toContain('“264名1”');
    expect(problems[2].message.zh).toMatch(/协议/);
  });
  it('refuses a task-list item, whose box the exports would not show, and keeps a plain list', () => {
    const problems = findUnsafeMarkup('## 做法\n\n- [ ] 建立台账\n- [x] 入户走访\n- 回访\n', parseMdxBody);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
    expect(problems[0].message.zh).toContain('正文不用任务清单');
    expect(findUnsafeMarkup('- 建立台账\n- [链接](https://example.com)\n- \\[ ] 方括号\n', parseMdxBody)).toEqual([]);
  });
  it('names a pasted e-mail address (an autolink to mailto:) as contact details, not as a protocol', () => {
    const problems = findUnsafeMarkup('联系邮箱 zhangsan@163.com。\n', parseMdxBody);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message.zh).toContain('电子邮箱成了一个链接：条目不写个人联系方式');
    expect(problems[0].message.zh).not.toContain('mailto');
    expect(problems[0].message.zh).not.toContain('协议');
  });
  it('allows prose and Markdown, escaped braces and a lone less-than sign', () => {
    expect(
      findUnsafeMarkup(
        '**建账**：逐户登记。\n\n- 一是记\n- 二是办\n\n1 < 2 的情况不存在，\\{不是代码\\}。\n\n[案例](/cases/a/)、[外链](https://example.com/a?b=1)、[本节](#做法)',
        parseMdxBody,
      ),
    ).toEqual([]);
  });
});

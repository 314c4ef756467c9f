import { describe, expect, it } from 'vitest';
import { findSectionProblems, splitSections } from '../../src/schema/sections.ts';
import { validBody } from '../fixtures/valid-entry.ts';

describe('sections', () => {
  it('accepts the four sections in order', () => {
    expect(findSectionProblems(validBody)).toEqual([]);
    expect(splitSections(validBody).map((s) => s.name)).toEqual(['背景', '做法', '成效', '启示']);
  });
  it('names a missing section', () => {
    const problems = findSectionProblems(validBody.replace(/## 成效[\s\S]*?(?=## 启示)/, ''));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ section: '成效' });
    expect(problems[0].message.zh).toContain('缺少“## 成效”');
  });
  it('names an empty section, with its line', () => {
    const problems = findSectionProblems(validBody.replace('群众满意度提高。', '<!-- 待补 -->'));
    expect(problems).toEqual([expect.objectContaining({ section: '成效', line: 10 })]);
    expect(problems[0].message.zh).toContain('是空的');
  });
  it('reports sections out of order', () => {
    const swapped = '## 做法\n\n甲\n\n## 背景\n\n乙\n\n## 成效\n\n丙\n\n## 启示\n\n丁\n';
    const problems = findSectionProblems(swapped);
    expect(problems).toHaveLength(1);
    expect(problems[0].message.zh).toContain('顺序不对');
  });
  it('reports an unknown heading and a repeated one', () => {
    const problems = findSectionProblems(`${validBody}\n## 联系方式\n\n电话\n\n## 启示\n\n再来一次\n`);
    expect(problems.map((p) => p.section)).toEqual(['联系方式', '启示']);
  });
  it('ignores headings inside code fences and allows ### sub-headings', () => {
    const body = validBody.replace('党员干部每周入户，记录民情。', '### 一、建账\n\n```\n## 不是标题\n```\n');
    expect(findSectionProblems(body)).toEqual([]);
  });
  it('reports text before the first section', () => {
    expect(findSectionProblems(`前言\n${validBody}`)[0].message.zh).toContain('之前不应有正文');
  });
});

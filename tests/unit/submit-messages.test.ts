import { describe, expect, it } from 'vitest';
import { formProblem } from '../../src/client/submit-messages.ts';
import { msg } from '../../src/schema/message.ts';

const missing = (key: string) => msg(`缺少必填字段 ${key}`, `required field ${key} is missing`);

describe('formProblem: the /submit/ form states a problem as what to do, in its own labels', () => {
  it('asks to fill in or choose an empty field, by its label, never its id', () => {
    expect(formProblem({ message: missing('unit'), label: '实践单位', kind: 'text', empty: true })).toBe('请填写实践单位');
    expect(formProblem({ message: missing('themes'), label: '方法类别', kind: 'choices', empty: true })).toBe('请至少选择一个方法类别');
    const province = msg('缺少省份：请填写 region.province，或在 region.note 中说明原文为何没有地区', 'province missing');
    expect(formProblem({ message: province, label: '省份', kind: 'select', empty: true })).toBe('请选择省份');
    const section = msg('“## 背景”一节是空的：原文没有相关内容时，请写一句说明（如“原文未介绍成效。”）', 'empty');
    expect(formProblem({ message: section, label: '背景', kind: 'section', empty: true })).toBe('请填写“背景”一节');
    expect(formProblem({ message: section, label: '背景', kind: 'section', empty: true }, false)).toMatch(
      /^请填写这一节：原文没有相关内容时，写一句说明（如“原文未介绍背景。”）/,
    );
  });

  it('names an item of a list by its place, not by its key', () => {
    const proposal = msg('figures.0.label 是导入时提出的建议，还待确认：核对后删去“待确认”', 'import proposal');
    const text = formProblem({ message: proposal, label: '关键数字', kind: 'text', empty: false }, false);
    expect(text).toBe('第 1 项关键数字的名称是导入时提出的建议，还待确认：核对后删去“待确认”');
  });
  it('speaks of sections, key figures and hotlines in the form’s words, not the file’s', () => {
    const figures = msg('“## 成效”没有任何数字，figures 也为空：来源若有数字请写上', 'no figures in the results');
    expect(formProblem({ message: figures, label: '成效', kind: 'section', empty: false }, false)).toBe(
      '“成效”一节没有任何数字，“关键数字”也为空：来源若有数字请写上',
    );
    const phone = msg('疑似手机号“13800138000”：删除号码；联系方式不得发布（公共服务热线须列入 content/vocab/hotlines.json）', 'phone');
    const text = formProblem({ message: phone, label: '做法', kind: 'section', empty: false }, false);
    expect(text).not.toContain('content/');
    expect(text).toContain('公共服务热线请在备注中说明');
  });

  it('replaces a list of vocabulary ids by "choose from the list"', () => {
    const text = formProblem({
      message: msg('值 "x" 不在词表中。允许的值：nongcun（农村）、jiguan（党政机关）', 'not allowed'),
      label: '领域',
      kind: 'select',
      empty: false,
    });
    expect(text).toBe('请从列表中选择领域');
  });

  it('keeps the check’s own advice for a filled field, naming front-matter keys in the form’s words', () => {
    const text = formProblem({
      message: msg('位置写法不对：请写 source.locator，如 第99-307行', 'bad locator'),
      label: '位置',
      kind: 'text',
      empty: false,
    });
    expect(text).toBe('位置：位置写法不对：请写 位置，如 第99-307行');
    expect(text).not.toMatch(/[a-z]{3,}/);
    const year = formProblem({
      message: msg('类型不对：应为 number，实际为 "abc"', 'expected number'),
      label: '开始年份',
      kind: 'text',
      empty: false,
    });
    expect(year).toBe('开始年份：类型不对：应为数字，实际为 "abc"');
  });
});

describe('formProblem beside its field', () => {
  it('leaves out the label the field already shows', () => {
    const message = msg('起止顺序颠倒：请写 第1-45行', 'reversed');
    expect(formProblem({ message, label: '位置', kind: 'text', empty: false }, false)).toBe('起止顺序颠倒：请写 第1-45行');
    expect(formProblem({ message: msg('缺少必填字段 unit', 'missing'), label: '实践单位', kind: 'text', empty: true }, false)).toBe(
      '请填写实践单位',
    );
  });
});

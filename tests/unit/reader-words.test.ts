import { describe, expect, it } from 'vitest';
import { readerField, readerMessage } from '../../src/lib/format.ts';
import { quote, readerSourceTitle } from '../../src/lib/reader-text.ts';

describe('reader words', () => {
  it('never shows the editors’ （无题） mark on a source title', () => {
    expect(readerSourceTitle('（无题）基层群众工作方法报道汇编')).toBe('基层群众工作方法报道汇编（原件未注明标题）');
    expect(readerSourceTitle('（无题）')).toBe('未注明标题的来源');
    expect(readerSourceTitle('《联系服务群众工作法选编》')).toBe('《联系服务群众工作法选编》');
  });

  it('turns a bilingual check message with Markdown into plain Chinese', () => {
    expect(readerMessage('“## 成效”只有 22 个字，少于 50 字：能否从来源中补充？ / section is under 50 characters')).toBe(
      '“成效”一节只有 22 个字，少于 50 字：能否从来源中补充？',
    );
    expect(readerMessage('“## 成效”没有任何数字，figures 也为空：来源若有数字请写上 / no figures in the results')).toBe(
      '“成效”一节没有任何数字，“关键数字”也为空：来源若有数字请写上',
    );
    expect(readerMessage('请把 `summary` 写成 **一两句话**')).toBe('请把“摘要”写成 一两句话');
    expect(readerField('## 背景')).toBe('“背景”一节');
    expect(readerField('figures')).toBe('关键数字');
  });
});

describe('quote', () => {
  it('nests a title’s own quotation marks as single ones', () => {
    expect(quote('“共驻共建”工作法')).toBe('“‘共驻共建’工作法”');
    expect(quote('群众工作方法专题')).toBe('“群众工作方法专题”');
  });
});

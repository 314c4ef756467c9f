/** Messages to editors are `{ zh, en }` data, rendered by one function (src/schema/message.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { msg, messageOf, renderMessage, wrapMessage, zodMessage } from '../../src/schema/message.ts';
import { caseSchema } from '../../src/schema/case.ts';
import { checkCases, formatProblem } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';

const han = /\p{Script=Han}/u;

describe('renderMessage', () => {
  const m = msg('缺少必填字段 unit', 'required field unit is missing');
  it('gives the Chinese alone for the web form, both for logs, English alone on request', () => {
    expect(renderMessage(m, 'zh')).toBe('缺少必填字段 unit');
    expect(renderMessage(m)).toBe('缺少必填字段 unit / required field unit is missing');
    expect(renderMessage(m, 'en')).toBe('required field unit is missing');
  });
  it('never repeats a message that has no separate English', () => {
    expect(renderMessage(msg('同一句', '同一句'))).toBe('同一句');
  });
  it('keeps a " / " inside the Chinese intact (it is never split again)', () => {
    const url = msg('请用以 / 开头的站内路径', 'use a site path starting with /');
    expect(renderMessage(url, 'zh')).toBe('请用以 / 开头的站内路径');
  });
  it('wraps both languages', () => {
    expect(
      wrapMessage(
        m,
        (zh) => `第 3 行：${zh}`,
        (en) => `line 3: ${en}`,
      ),
    ).toEqual(msg('第 3 行：缺少必填字段 unit', 'line 3: required field unit is missing'));
  });
  it('gets a schema message back as data from the string zod carries', () => {
    const text = zodMessage('起止顺序颠倒', 'the range ends before it starts');
    expect(messageOf(text)).toEqual(msg('起止顺序颠倒', 'the range ends before it starts'));
    const issue = caseSchema.shape.reviewed.safeParse('2026-02-30').error!.issues[0];
    expect(messageOf(issue.message).zh).toBe('这一天不存在（如 2 月 30 日）：请写实际的日期');
  });
});

describe('every problem the check reports on the bad fixtures', () => {
  const dir = new URL('../fixtures/bad/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  const { errors, warnings } = checkCases(
    files.map((f) => ({ path: `tests/fixtures/bad/${f}`, raw: readFileSync(new URL(f, dir), 'utf8') })),
    {
      sourceIds: new Set(['qunzhong-gongzuo-baodao-huibian']),
      sourceLines: new Map([['qunzhong-gongzuo-baodao-huibian', 461]]),
      publicFiles: new Set(),
      parseBody: parseMdxBody,
      parseMarkdown: parseMarkdownBody,
    },
  );
  it('has Chinese for the form and English for the log, the Chinese holding no English tail', () => {
    expect(errors.length).toBeGreaterThan(30);
    const bad = [...errors, ...warnings]
      .filter((p) => !han.test(p.message.zh) || !p.message.en || / \/ [a-z]+ [a-z]+/.test(p.message.zh))
      .map(formatProblem);
    expect(bad).toEqual([]);
  });
});

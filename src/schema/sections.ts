/**
 * The four body sections every entry has, as `##` headings in this order. A schema cannot see the
 * body, so `findSectionProblems` checks it; the build and `npm run check` both call it.
 */
import { msg, type Message } from './message.ts';
export const sectionNames = ['背景', '做法', '成效', '启示'] as const;
export type SectionName = (typeof sectionNames)[number];

export interface SectionProblem {
  /** Section concerned. */
  section: string;
  /** 1-based line in the body (or the heading line), where known. */
  line?: number;
  /** Chinese and English explanation with the fix. */
  message: Message;
}

export interface Section {
  name: string;
  /** 1-based line of the heading within the body. */
  line: number;
  text: string;
}

/** Splits a Markdown body into its `##` sections, ignoring headings inside code fences. */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let fence = false;
  let current: Section | undefined;
  body.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    const heading = !fence && /^##\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading) {
      current = { name: heading[1].trim(), line: index + 1, text: '' };
      sections.push(current);
    } else if (current) {
      current.text += raw + '\n';
    }
  });
  return sections;
}

/** Text a reader would see: comments and whitespace removed. */
export const visible = (text: string) => text.replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, '').trim();

/** All problems with an entry's sections; empty when the body is well formed. */
export function findSectionProblems(body: string): SectionProblem[] {
  const problems: SectionProblem[] = [];
  const found = splitSections(body);
  const names = found.map((s) => s.name);
  for (const section of found) {
    if (!(sectionNames as readonly string[]).includes(section.name)) {
      problems.push({
        section: section.name,
        line: section.line,
        message: msg(
          `未知的二级标题“## ${section.name}”：正文只能有 ${sectionNames.join('、')} 四个“##”标题，小标题请用“###”`,
          `unknown heading "## ${section.name}": use only the four sections; use ### for sub-headings`,
        ),
      });
    }
  }
  for (const name of sectionNames) {
    const matches = found.filter((s) => s.name === name);
    if (matches.length === 0) {
      problems.push({
        section: name,
        message: msg(`缺少“## ${name}”一节：请按 ${sectionNames.join('、')} 的顺序补上`, `missing section "## ${name}"`),
      });
    } else if (matches.length > 1) {
      problems.push({
        section: name,
        line: matches[1].line,
        message: msg(`“## ${name}”出现了 ${matches.length} 次：每节只能有一个`, `section "## ${name}" appears ${matches.length} times`),
      });
    }
    for (const section of matches) {
      if (!visible(section.text)) {
        problems.push({
          section: name,
          line: section.line,
          message: msg(
            `“## ${name}”一节是空的：原文没有相关内容时，请写一句说明（如“原文未介绍${name}。”）`,
            `section "## ${name}" is empty: if the source says nothing, say so in one sentence`,
          ),
        });
      }
    }
  }
  const known = names.filter((n) => (sectionNames as readonly string[]).includes(n));
  const expected = sectionNames.filter((n) => known.includes(n));
  const firstOccurrence = known.filter((n, i) => known.indexOf(n) === i);
  if (firstOccurrence.join() !== expected.join()) {
    problems.push({
      section: firstOccurrence.join('、'),
      line: found[0]?.line,
      message: msg(
        `各节顺序不对：现为 ${firstOccurrence.join('、')}，应为 ${expected.join('、')}`,
        `sections out of order: found ${firstOccurrence.join(', ')}, expected ${expected.join(', ')}`,
      ),
    });
  }
  if (found.length && visible(body.slice(0, body.indexOf('## ')))) {
    problems.push({
      section: '（开头）',
      line: 1,
      message: msg('第一个“## 背景”之前不应有正文', 'there is text before the first section'),
    });
  }
  return problems;
}

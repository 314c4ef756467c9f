/**
 * Writing an entry file: the id from the title and place (pinyin), and the MDX text from fields
 * and sections. Shared by `npm run new` and the /submit/ form, so both produce the same format.
 */
import { pinyin } from 'pinyin-pro';
import { Document, isScalar } from 'yaml';
import { firstDifference, readAsBuild } from './frontmatter.ts';
import { sectionNames, type SectionName } from '../schema/sections.ts';
import { PLACEHOLDER } from './quality.ts';

/** Pinyin words for Chinese text: each run split into pairs of syllables, e.g. 民情日记 → minqing-riji. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\p{Script=Han}]+|[a-zA-Z0-9]+/gu) ?? []) {
    if (/^[a-zA-Z0-9]+$/.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    // Pairs of syllables, a lone last syllable joining the pair before: 工作法 → gongzuofa.
    const pairs: string[] = [];
    for (let i = 0; i < syllables.length; i += 2) pairs.push(syllables.slice(i, i + 2).join(''));
    if (syllables.length > 2 && syllables.length % 2 === 1) pairs.splice(-2, 2, pairs.slice(-2).join(''));
    out.push(...pairs);
  }
  return out;
}

/** Administrative suffixes dropped from the place part of an id: 韶关市 → shaoguan. */
const placeSuffix = /(市|县|区|旗|州|盟|地区|自治县|自治州|街道|镇|乡|村|社区)$/;

/** An id like `shaoguan-minqing-riji-gongzuofa` from a place and a title. */
export function suggestId(title: string, place = ''): string {
  const placeWords = place ? [words(place.replace(placeSuffix, '')).join('')] : [];
  const id = [...placeWords, ...words(title)].filter(Boolean).join('-').replace(/-+/g, '-').slice(0, 60).replace(/-$/, '');
  return id || 'anli';
}

/** The first id not in `taken`: the suggestion itself, else with -2, -3 … appended. */
export function freeId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/** Guidance shown in a new entry's sections, as a quoted line to delete once the section is written. */
export const sectionGuidance: Record<SectionName, string> = {
  背景: '当地的情况和遇到的问题：为什么要创造这个工作法？一到三段。',
  做法: '按来源的顺序写具体步骤，保留方法本身的名称（如“建账、议账、结账、晒账”）。可以用列表和 ### 小标题。',
  成效: '变化和数字，数字与来源完全一致，并写进 figures。来源没有写成效，就写“原文未介绍成效。”',
  启示: '来源总结的经验，用自己的话写。来源没有总结，就写一句说明；编者自己的看法注明“（编者观点）”。',
};

/** The guidance line of a scaffolded section: Markdown, marked as a placeholder. */
export const guidanceLine = (name: SectionName) => `> （${PLACEHOLDER}·写作提示，写好后删除本行）${sectionGuidance[name]}`;

/**
 * YAML for `data` that the build's own parser reads back as exactly `data`: a string that js-yaml
 * would read as something else (`0b11` a number, `2026-11-23` a Date) is double-quoted, so what an
 * editor typed is what the check and the build both see.
 */
export function frontmatterText(data: unknown): string {
  const doc = new Document(data);
  for (let tries = 0; tries < 1000; tries++) {
    const text = doc.toString({ lineWidth: 0 });
    const read = readAsBuild(`---\n${text}---\n`);
    const differs = read.ok ? firstDifference(data, read.data, { days: false }) : [];
    if (!differs) return text;
    const node = differs.length ? doc.getIn(differs, true) : undefined;
    if (!isScalar(node) || node.type === 'QUOTE_DOUBLE')
      throw new Error(`entry-file: cannot write ${JSON.stringify(differs)} so that the build reads it back unchanged`);
    node.type = 'QUOTE_DOUBLE';
  }
  throw new Error('entry-file: too many values need quoting');
}

/** The MDX text of an entry: YAML front matter (fields in schema order) and the four sections. */
export function entryFileText(
  data: Record<string, unknown>,
  sections: Partial<Record<SectionName, string>>,
  { guidance = false } = {},
): string {
  // Empty optional values are left out; the schema supplies their defaults.
  const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  const prune = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => !isEmpty(x))
            .map(([k, x]) => [k, prune(x)]),
        )
      : v;
  const clean = prune(Object.fromEntries(Object.entries(data).filter(([, v]) => !isEmpty(v))));
  const yaml = frontmatterText(clean);
  const body = sectionNames
    .map((name) => {
      // Guidance as plain Markdown, never as an MDX comment: entries may hold no {…} at all. It
      // carries the placeholder word, so it may stay in a draft and stops publication until removed.
      const note = guidance ? `${guidanceLine(name)}\n\n` : '';
      return `## ${name}\n\n${note}${(sections[name] ?? '').trim()}\n`;
    })
    .join('\n');
  return `---\n${yaml}---\n\n${body}`;
}

/** Placeholder text for a scaffolded draft: it passes the schema and warns until replaced. */
export const placeholders = {
  summary: `（${PLACEHOLDER}：用一两句话说清谁、做了什么、有何效果。）`,
  questions: [`（${PLACEHOLDER}）思考题一：这个做法与你们单位的做法有何不同？`, `（${PLACEHOLDER}）思考题二：照搬这个做法需要什么条件？`],
  section: (name: SectionName) => `（${PLACEHOLDER}：${name}。）`,
};

/**
 * What a front-matter string may hold. Entries come from submitters; text copied from web pages,
 * chat apps or crafted on purpose can carry characters a reader never sees (control, zero-width and
 * text-direction characters, which make a string display differently from what it is) or markup.
 * Outputs escape everything anyway; these rules keep such characters out of the library itself.
 *
 * - `nameText`: titles, names, units, places, labels: one line, no `<` or `>`.
 * - `proseText`: summaries, notes, questions: line breaks allowed, angle brackets allowed (the
 *   text is escaped wherever it is shown).
 */
import { zodMessage } from './message.ts';
import { z } from 'astro/zod';

/**
 * C0 and C1 control characters, DEL, the noncharacters (U+FDD0–FDEF, U+FFFE, U+FFFF, which XML
 * refuses: one in a title made the whole RSS feed unreadable) and lone surrogates; `\n` is handled
 * separately (allowed in prose).
 */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|\p{Surrogate}/u;
/**
 * Every format character but the direction ones below (zero-width space, joiners, word joiner, the
 * BOM as a zero-width no-break space, soft hyphen, invisible operators, tags, interlinear
 * annotation…), the variation selectors but the two of emoji and text presentation (U+FE0E, U+FE0F:
 * part of a visible emoji such as 1️⃣), and the blank fillers that draw nothing (U+034F, Hangul
 * fillers, U+180E, U+17B4–5, the Braille blank U+2800, the object replacement U+FFFC):
 * a reader sees none of them, and each can split a word or a number the privacy rules look for.
 */
const ZERO_WIDTH =
  /(?![\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])[\p{Cf}\u115F\u1160\u180E\u2800\u3164\uFFA0\uFFFC]|\u034F|\u17B4|\u17B5|(?![\uFE0E\uFE0F])\p{Variation_Selector}/u;
/** Direction marks (Arabic letter mark, left-to-right and right-to-left marks), embeddings, overrides and isolates. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ANGLE = /[<>]/u;
/**
 * The same characters anywhere in an entry or source file (the content check): all of the above
 * but tab, line ends and NUL (which have their own messages), and a BOM only past the start (a
 * leading one has its own). Kept beside the field rules so the two change together.
 */
export const FILE_HIDDEN =
  /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\u115F\u1160\u180E\u2028\u2029\u2800\u3164\uFFA0\uFFFC]|\u034F|\u17B4|\u17B5|(?![\uFE0E\uFE0F])\p{Variation_Selector}|(?!\uFEFF)\p{Cf}|\p{Surrogate}|(?<!^)\uFEFF/u;
/** The same, every one of them (`matchAll`, `replace`). */
export const FILE_HIDDEN_ALL = new RegExp(FILE_HIDDEN.source, 'gu');

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** 1-based position in characters (code points), as an editor counts them. */
const position = (value: string, index: number) => Array.from(value.slice(0, index)).length + 1;

interface Rule {
  pattern: RegExp;
  message: (c: string, at: number) => string;
}

const rules = {
  newline: {
    pattern: /[\n\u2028\u2029]/u,
    message: (_c, at) =>
      zodMessage(`不能换行（第 ${at} 个字符处）：请写在一行内`, `must be on one line (line break at character ${at}): join the lines`),
  },
  control: {
    pattern: CONTROL,
    message: (c, at) =>
      zodMessage(
        `含有控制字符 ${codePoint(c)}（第 ${at} 个字符）：请删除它`,
        `contains the control character ${codePoint(c)} (character ${at}): delete it`,
      ),
  },
  zeroWidth: {
    pattern: ZERO_WIDTH,
    message: (c, at) =>
      zodMessage(
        `含有看不见的零宽字符 ${codePoint(c)}（第 ${at} 个字符，常随网页或聊天软件里复制的文字带入）：请删除它`,
        `contains the invisible zero-width character ${codePoint(c)} (character ${at}, often copied along from web pages or chat apps): delete it`,
      ),
  },
  bidi: {
    pattern: BIDI,
    message: (c, at) =>
      zodMessage(
        `含有改变文字方向的控制字符 ${codePoint(c)}（第 ${at} 个字符），它让显示出的文字与实际内容不一致：请删除它`,
        `contains the text-direction control ${codePoint(c)} (character ${at}), which makes the text display differently from what it is: delete it`,
      ),
  },
  angle: {
    pattern: ANGLE,
    message: (c, at) =>
      zodMessage(
        `不能含有尖括号“${c}”（第 ${at} 个字符）：名称、单位、地名和标签里用不到它，请删除，书名请用《》`,
        `must not contain “${c}” (character ${at}): names, units, places and labels do not need angle brackets; delete it, and write book titles with 《》`,
      ),
  },
} satisfies Record<string, Rule>;

/** The problems of one string under the given rules, one message per rule that fails (first place only). */
export function textProblems(value: string, kind: 'name' | 'prose'): string[] {
  const applied: Rule[] =
    kind === 'name'
      ? [rules.newline, rules.control, rules.zeroWidth, rules.bidi, rules.angle]
      : [rules.control, rules.zeroWidth, rules.bidi];
  const out: string[] = [];
  for (const rule of applied) {
    const match = rule.pattern.exec(value);
    if (match) out.push(rule.message(match[0], position(value, match.index)));
  }
  return out;
}

const refineWith = (kind: 'name' | 'prose') => (value: string, ctx: z.RefinementCtx) => {
  for (const message of textProblems(value, kind)) ctx.addIssue({ code: 'custom', message });
};

/** A title, name, unit, place or label: one line, no control, zero-width or direction characters, no `<` `>`. */
export const nameText = <T extends z.ZodString>(schema: T): T => schema.superRefine(refineWith('name')) as T;

/** Free text (summary, notes, questions): line breaks allowed; no control, zero-width or direction characters. */
export const proseText = <T extends z.ZodString>(schema: T): T => schema.superRefine(refineWith('prose')) as T;

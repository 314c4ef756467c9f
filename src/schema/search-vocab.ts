/**
 * The search vocabularies editors own (content/vocab/variants.json, content/vocab/thesaurus.json).
 * Validated at build time; the browser receives them, already checked, in the search lexicon.
 */
import { z } from 'astro/zod';
import { unique } from './vocab-file.ts';

const chars = (s: string) => [...s].length;

export const variantSchema = z
  .object({
    /** The spelling readers or sources use, e.g. 帐. */
    from: z.string().min(1),
    /** The spelling it is folded into, e.g. 账; the same number of characters as `from`. */
    to: z.string().min(1),
    /** Why the pair is safe, for the reviewer. */
    note: z.string().min(1),
  })
  .refine((v) => chars(v.from) === chars(v.to), { message: 'from and to must have the same number of characters / 变体两边字数必须相同' })
  .refine((v) => v.from !== v.to, { message: 'from and to are the same / 变体两边相同' })
  // Search ignores punctuation and spaces: a pair holding them (党 → 、) would fold a word away.
  .refine((v) => !/[\p{P}\p{Z}\s]/u.test(v.from + v.to), {
    message: 'no punctuation or spaces in a variant / 变体两边只能是文字，不能有标点或空格',
  });

export const variantsFileSchema = z
  .object({
    /** What the file is for, for editors. */
    about: z.string(),
    /** The reviewed pairs. */
    values: z.array(variantSchema),
  })
  .superRefine(unique((v: z.infer<typeof variantSchema>) => v.from, '写法'))
  // A pair whose result is another pair's source (帐→账 beside 账→帐) swaps the two spellings
  // instead of merging them, and the pages written either way drop out of each other's results.
  .superRefine((file, ctx) => {
    const from = new Map(file.values.map((v, i) => [v.from, i]));
    file.values.forEach((v, i) => {
      const next = [...from].find(([f, j]) => j !== i && v.to.includes(f));
      if (next)
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: `“${v.from}→${v.to}”折成的“${v.to}”里又有另一条的原写法“${next[0]}”（values[${next[1]}]），两条会互相抵消或连锁替换：请只保留一条，写成从异体到规范写法 / ${v.to} is itself folded by values[${next[1]}]`,
        });
    });
  });

export const topicSchema = z.object({
  /** What readers type, e.g. 矛盾纠纷. */
  term: z.string().min(2, 'a topic needs at least two characters / 主题词至少两个字'),
  /** Words pages use for it, e.g. 调解、化解; matches on these rank below matches on the term. */
  related: z.array(z.string().min(2, 'a related word needs at least two characters / 相关词至少两个字')).min(1),
  /** Optional editor's note. */
  note: z.string().optional(),
});

export const thesaurusFileSchema = z
  .object({
    /** What the file is for, for editors. */
    about: z.string(),
    /** One topic per line; a term appears once. */
    topics: z.array(topicSchema),
  })
  .refine((f) => new Set(f.topics.map((t) => t.term)).size === f.topics.length, { message: 'a topic term appears twice / 主题词重复' });

export type Variant = z.infer<typeof variantSchema>;
export type Topic = z.infer<typeof topicSchema>;

import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parseVocabFile, unique, uniqueNames } from '../../src/schema/vocab-file.ts';

const value = z.object({ id: z.string(), label: z.string(), aliases: z.array(z.string()).default([]) });
const file = z
  .object({ values: z.array(value) })
  .superRefine(unique((v: z.infer<typeof value>) => v.id, 'id'))
  .superRefine(uniqueNames<z.infer<typeof value>>());

describe('vocabulary files', () => {
  it('name the file, the value by place and id, and the fix', () => {
    const values = [
      { id: 'tiaojie', label: '矛盾调解', aliases: ['纠纷调解'] },
      { id: 'tiaojie', label: '民情收集', aliases: [] },
    ];
    expect(() => parseVocabFile('themes.json', file, { values })).toThrow(
      /content\/vocab\/themes\.json[\s\S]*values\[1\]（tiaojie）：id“tiaojie”与 values\[0\] 重复/,
    );
  });
  it('refuse a name that two values share, label or alias', () => {
    const values = [
      { id: 'a', label: '矛盾调解', aliases: ['纠纷调解'] },
      { id: 'b', label: '纠纷调解', aliases: [] },
    ];
    const result = file.safeParse({ values });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('“纠纷调解”已属于 values[0]');
    expect(file.safeParse({ values: [values[0], { ...values[1], label: '民情收集' }] }).success).toBe(true);
  });
});

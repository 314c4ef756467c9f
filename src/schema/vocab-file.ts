/**
 * Reading a vocabulary file (content/vocab/*.json). Editors add values by hand, so a bad file stops
 * every tool (the check, the build, /submit/) with one message that names the file, each wrong
 * value by its place and id, and what is wrong, rather than a stack trace of the module that read it.
 */
import { z } from 'astro/zod';

/** A value's place for the message: values[3]（id: zhengwu-12345）. */
function placeOf(data: unknown, path: PropertyKey[]): string {
  if (!path.length) return '（整个文件 / whole file）';
  let node: unknown = data;
  let label = '';
  for (const key of path) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as string];
    label += typeof key === 'number' ? `[${key}]` : `${label ? '.' : ''}${String(key)}`;
    const id = (node as { id?: unknown; term?: unknown; from?: unknown } | undefined) ?? {};
    const name = id.id ?? id.term ?? id.from;
    if (typeof key === 'number' && typeof name === 'string') label += `（${name}）`;
  }
  return label;
}

/** The file's data, or an error naming the file and every problem in it. */
export function parseVocabFile<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `  ${placeOf(data, i.path)}：${i.message}`).join('\n');
  throw new Error(`词表 content/vocab/${file} 有误，请改正后再运行 / content/vocab/${file} is invalid:\n${issues}`);
}

/**
 * A refinement: each key (of those `keysOf` gives a value) belongs to one value only; a later
 * value that claims it again is named, at its own place, with `message`. (A plain `refine` on the
 * file would only say "duplicate" of the whole file.)
 */
const claimed =
  <V>(keysOf: (value: V) => string[], message: (key: string, first: number) => string) =>
  (file: { values: V[] }, ctx: z.RefinementCtx) => {
    const owner = new Map<string, number>();
    file.values.forEach((value, index) => {
      for (const key of new Set(keysOf(value))) {
        const first = owner.get(key);
        if (first === undefined) owner.set(key, index);
        else ctx.addIssue({ code: 'custom', path: ['values', index], message: message(key, first) });
      }
    });
  };

/** No two values share `key`, e.g. an id or a hotline's number. */
export const unique = <V>(key: (value: V) => string, what: string) =>
  claimed(
    (value: V) => [key(value)],
    (k, first) => `${what}“${k}”与 values[${first}] 重复：每个值只能出现一次，请删去或合并 / duplicate ${what} ${k}`,
  );

/**
 * Every name (label or alias) leads to one value only. A name two values share (an alias of one
 * family equal to another's label) would make search and the Word import pick either.
 */
export const uniqueNames = <V extends { label: string; aliases?: string[] }>() =>
  claimed(
    (value: V) => [value.label, ...(value.aliases ?? [])],
    (name, first) =>
      `名称或别名“${name}”已属于 values[${first}]：一个名称只能指向一个值，请删去或改写 / the name ${name} already belongs to values[${first}]`,
  );

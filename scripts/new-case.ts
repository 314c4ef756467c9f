/**
 * `npm run new`: scaffolds content/cases/<id>.mdx as a draft. Asks in Chinese for what is not
 * given as a flag (choices from the vocabularies); with every required flag it asks nothing, so
 * scripts can use it:
 *   npm run new -- --title "“民情日记”工作法" --unit "某村党支部" --province guangdong \
 *     --domain nongcun --themes minqing-shouji,zoufang-lianxi --source yue-qunzuban-2014-12 --locator 第533-723行
 * Optional: --city --county --level (a level id, e.g. xianji) --year --author --id
 * --dir (content folder, default content).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as prompts from '@clack/prompts';
import { checkProject } from '../src/lib/content-files.node.ts';
import { report } from '../src/lib/content-report.ts';
import { entryFileText, freeId, placeholders, suggestId } from '../src/lib/entry-file.ts';
import { sectionNames } from '../src/schema/sections.ts';
import { domains, levels, regions, themes, vocab } from '../src/schema/vocab.ts';

const { values: flags } = parseArgs({
  options: Object.fromEntries(
    ['title', 'unit', 'province', 'city', 'county', 'level', 'domain', 'themes', 'year', 'source', 'locator', 'author', 'id', 'dir'].map(
      (k) => [k, { type: 'string' as const }],
    ),
  ),
});
const dir = flags.dir ?? 'content';
const sources = readdirSync(join(dir, 'sources')).map((f) => f.replace(/\.json$/, ''));
const taken = new Set(readdirSync(join(dir, 'cases')).map((f) => f.replace(/\.mdx$/, '')));
const interactive = process.stdin.isTTY && process.stdout.isTTY;

const cancelled = (value: unknown) => {
  if (prompts.isCancel(value)) {
    prompts.cancel('已取消，没有创建文件。');
    process.exit(1);
  }
  return value;
};

async function ask(name: string, question: () => Promise<unknown>): Promise<string | undefined> {
  if (flags[name] !== undefined) return flags[name];
  if (!interactive) return undefined;
  const value = cancelled(await question());
  return Array.isArray(value) ? value.join(',') : (value as string) || undefined;
}

if (interactive) prompts.intro('新建案例条目（草稿）');
const required = (v: string | undefined) => (v && v.trim() ? undefined : '必填');
const title = await ask('title', () => prompts.text({ message: '工作法名称（实践者的叫法，如“民情日记”工作法）', validate: required }));
const unit = await ask('unit', () => prompts.text({ message: '实践单位全称', validate: required }));
const province = await ask('province', () =>
  prompts.select({ message: '所在省份', options: regions.map((r) => ({ value: r.id, label: r.label })) }),
);
const city = await ask('city', () => prompts.text({ message: '地级市（可空）' }));
const county = await ask('county', () => prompts.text({ message: '县、区（可空）' }));
const level = await ask('level', () =>
  prompts.select({ message: '单位层级', options: levels.map((l) => ({ value: l.id, label: `${l.label}：${l.definition}` })) }),
);
const domain = await ask('domain', () =>
  prompts.select({ message: '领域（单位类型）', options: domains.map((d) => ({ value: d.id, label: `${d.label}：${d.definition}` })) }),
);
const themeList = await ask('themes', () =>
  prompts.multiselect({
    message: '方法类别（1—4 个，空格选择）',
    options: themes.map((t) => ({ value: t.id, label: `${t.label}：${t.definition}` })),
    required: true,
  }),
);
const year = await ask('year', () => prompts.text({ message: '开始年份（来源写明时填，可空）' }));
const source = await ask('source', () => prompts.select({ message: '来源文件', options: sources.map((s) => ({ value: s, label: s })) }));
const locator = await ask('locator', () => prompts.text({ message: '在来源中的位置（如 第533-723行 或 第13页）', validate: required }));

const missing = Object.entries({ title, unit, province, domain, themes: themeList, source, locator })
  .filter(([, v]) => !v)
  .map(([k]) => `--${k}`);
if (missing.length) {
  console.error(`缺少必填项：${missing.join(' ')}（在终端中运行可逐项提问） / missing required flags: ${missing.join(' ')}`);
  process.exit(2);
}

const place = county || city || (province && regions.some((r) => r.id === province) ? vocab('region', province).label : '');
const suggested = flags.id ?? suggestId(title!, place);
if (flags.id && taken.has(flags.id)) {
  console.error(`条目 ${flags.id} 已存在，不会覆盖。可以改用：${freeId(flags.id, taken)} / ${flags.id} exists; not overwritten`);
  process.exit(1);
}
const id = freeId(suggested, taken);
if (id !== suggested) console.log(`id “${suggested}” 已被占用，改用 ${id}（不会覆盖已有文件）`);
const path = join(dir, 'cases', `${id}.mdx`);
if (existsSync(path)) throw new Error(`refusing to overwrite ${path}`);

const data = {
  title,
  unit,
  region: { province, city, county },
  level: level ?? 'danwei',
  domain,
  themes: themeList!
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  ...(year ? { year: Number(year) } : {}),
  summary: placeholders.summary,
  source: { id: source, locator },
  figures: [],
  questions: placeholders.questions,
  related: [],
  status: '草稿',
  author: flags.author ?? process.env.USER ?? '编辑部',
  reviewed: new Date().toISOString().slice(0, 10),
};
const sections = Object.fromEntries(sectionNames.map((n) => [n, placeholders.section(n)]));
writeFileSync(path, entryFileText(data, sections, { guidance: true }));
if (!level) console.log('未给出 --level，层级暂定为 danwei（单位），请核对。');

// Check the new file with every rule the build uses, so the editor starts from a valid draft.
const result = checkProject(process.cwd(), dir);
const mine = {
  ...result,
  errors: result.errors.filter((e) => e.file.endsWith(`/${id}.mdx`)),
  warnings: result.warnings.filter((e) => e.file.endsWith(`/${id}.mdx`)),
  files: 1,
};
console.log(`已创建 ${path}（草稿）。打开文件，把“待填写”处换成内容，完成后把 status 改为 已发布。`);
if (mine.errors.length) {
  console.error(report(mine));
  process.exit(1);
}
if (interactive) prompts.outro('用 npm run dev 预览，npm run check 检查。');

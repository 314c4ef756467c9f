/**
 * A synthetic library for benchmarks: N valid entries with front matter spread over every
 * vocabulary value and bodies recombined from the real entries' sentences, so the text has the
 * length and character mix of real Chinese cases. Deterministic for a given seed.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content-check.ts';
import { splitSections, sectionNames } from '../../src/schema/sections.ts';
import { domains, levels, regions, themes } from '../../src/schema/vocab.ts';

/** Mulberry32: small, fast, seedable. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  sentences: Record<string, string[]>;
  words: string[];
  sources: { id: string; lines: number }[];
}

function material(contentDir: string): Material {
  const sentences: Record<string, string[]> = Object.fromEntries(sectionNames.map((n) => [n, []]));
  const words = new Set<string>();
  for (const file of readdirSync(join(contentDir, 'cases')).filter((f) => f.endsWith('.mdx'))) {
    const parts = splitFrontmatter(readFileSync(join(contentDir, 'cases', file), 'utf8'))!;
    for (const section of splitSections(parts.body)) {
      // Bold marks go too: cut into sentences and joined at random, a pair ends up apart, and a mark
      // left alone shows as an asterisk, which the content check refuses.
      const list = section.text
        .replace(/^[#>*\-\d. ]+/gm, '')
        .replaceAll('**', '')
        .split(/(?<=[。；！？])/)
        .map((s) => s.trim())
        .filter((s) => s.length > 8);
      sentences[section.name]?.push(...list);
    }
    const data = parse(parts.yaml);
    for (const alias of data.aliases ?? []) words.add(alias);
  }
  const sources = readdirSync(join(contentDir, 'sources')).map((f) => ({
    id: f.replace(/\.json$/, ''),
    lines: JSON.parse(readFileSync(join(contentDir, 'sources', f), 'utf8')).lines as number,
  }));
  return { sentences, words: [...words], sources };
}

/** Writes `count` entries and the real sources into `outDir` (a content directory). */
export function generateLibrary(count: number, outDir: string, { seed = 1, from = 'content' } = {}) {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  /** Four Chinese characters from a sentence, as a made-up unit name. */
  const hanRun = (sentence: string) => {
    const han = [...sentence.replace(/[^\p{Script=Han}]/gu, '')];
    const at = Math.floor(rand() * Math.max(1, han.length - 4));
    return han.slice(at, at + 4).join('') || '样例';
  };
  const source = material(from);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'cases'), { recursive: true });
  cpSync(join(from, 'sources'), join(outDir, 'sources'), { recursive: true });
  const provinces = regions.filter((r) => !['taiwan', 'xianggang', 'aomen'].includes(r.id));
  for (let i = 0; i < count; i++) {
    const id = `syn-${String(i + 1).padStart(5, '0')}`;
    const name = `${pick(source.words)}${pick(source.words)}`.slice(0, 12);
    const src = pick(source.sources);
    const start = 1 + Math.floor(rand() * (src.lines - 20));
    const themeCount = 1 + Math.floor(rand() * 3);
    const chosenThemes = [...new Set(Array.from({ length: themeCount }, () => pick(themes).id))];
    const data = {
      title: `“${name}”工作法 ${i + 1}`,
      aliases: [name],
      unit: `${hanRun(pick(source.sentences['做法']))}${pick(['村', '社区', '街道', '县委', '公司', '中心'])}党组织`,
      region: { province: provinces[i % provinces.length].id, city: `样例市${(i % 50) + 1}` },
      level: pick(levels).id,
      domain: domains[i % domains.length].id,
      themes: chosenThemes,
      ...(rand() < 0.8 ? { year: 2000 + Math.floor(rand() * 24) } : {}),
      // Real summaries run 60 to 110 characters.
      summary: `${name}：${pick(source.sentences['背景'])}${pick(source.sentences['做法'])}`.slice(0, 60 + Math.floor(rand() * 50)),
      source: { id: src.id, locator: `第${start}-${start + 10}行` },
      figures: [{ label: '覆盖户数', value: `${Math.floor(rand() * 5000)}户` }],
      questions: ['你所在的单位怎样借鉴这一做法？', '这一做法的关键条件是什么？'],
      related: [],
      status: '已发布',
      author: '基准测试',
      reviewed: '2026-11-01',
    };
    // Section lengths vary like the real ones: 2-12 sentences each.
    const body = sectionNames
      .map((n) => `## ${n}\n\n${Array.from({ length: 2 + Math.floor(rand() * 10) }, () => pick(source.sentences[n])).join('')}\n`)
      .join('\n');
    writeFileSync(join(outDir, 'cases', `${id}.mdx`), `---\n${stringify(data)}---\n\n${body}`);
  }
}

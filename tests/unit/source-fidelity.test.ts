/**
 * Every entry says what its cited source lines say: each key figure's value and each quoted phrase in
 * the body can be found in those lines.
 *
 * The source texts live outside the repository (the shared `seeds/` folder). So that the test also
 * runs without them (CI, fresh clones), the cited lines are kept in `tests/fixtures/source-lines.json`.
 * When the seeds are present the test reads them, and also checks that the fixture still matches them;
 * regenerate the fixture after changing a locator with
 *   UPDATE_SOURCE_LINES=1 npx vitest run tests/unit/source-fidelity.test.ts
 * (needs the seeds; set SEEDS_DIR if they are not in a `shared/seeds` folder above the repository).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content-check.ts';
import { parseLocator } from '../../src/lib/format.ts';
import { findInLine, findPrivateData } from '../../src/lib/privacy.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturePath = join(root, 'tests/fixtures/source-lines.json');

/**
 * Digits and letters to half-width (NFKC), no whitespace, no thousands separators, and the scans'
 * one recurring misreading fixed: a letter l right after a digit is the digit 1 (“51.4l万件”).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/(?<=\d)l/g, '1');
}

/**
 * Whether a figure's value stands in the text: the whole value, or, for a value that lists several
 * numbers (“6个党支部、22个党小组”), each of its parts that holds a number (Arabic or Chinese).
 * Parts without numbers are the editor's glosses and are not looked for.
 */
export function figureFound(value: string, text: string): boolean {
  const whole = normalise(value);
  if (containsNumber(text, whole)) return true;
  const parts = whole.split(/[,、;()→:]/).filter((p) => /[\d一二两三四五六七八九十百千万]/.test(p));
  return parts.length > 0 && parts.every((p) => containsNumber(text, p));
}

/** `needle` occurs in `text` without cutting a number in two: “00名” is not found in “300名”. */
export function containsNumber(text: string, needle: string): boolean {
  const digit = /[\d.]/;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const cutsBefore = /^\d/.test(needle) && at > 0 && digit.test(text[at - 1]);
    const cutsAfter = /\d$/.test(needle) && digit.test(text[at + needle.length] ?? '');
    if (!cutsBefore && !cutsAfter) return true;
  }
  return false;
}

/** Phrases inside Chinese double quotes “…”, outermost only (a quote inside a quote stays in its phrase). */
export function quotedPhrases(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') {
      if (depth++ === 0) start = i + 1;
    } else if (text[i] === '”' && depth > 0) {
      // Markdown emphasis inside the quotes is the page's, not the phrase's
      if (--depth === 0) found.push(text.slice(start, i).replace(/\*\*|__/g, ''));
    }
  }
  return found;
}

/**
 * Quotation marks dropped, so that a phrase quoted whole in an entry matches a source that quotes only
 * part of it (群众“说了算”) or nests its quotes differently (五个‘一’).
 */
export function unquote(text: string): string {
  return text.replace(/[“”‘’「」『』"']/g, '');
}

/**
 * A source line as the repository may keep it: phone numbers, ID numbers, e-mail and street addresses
 * (the project's own privacy patterns) and the contact block's address and person lines removed.
 */
export function redact(line: string): string {
  if (/^\s*(地址|负责人|联系人|电话)\s*[:：]/.test(line)) return line.replace(/([:：]).*$/, '$1〔已删除〕');
  // The project's own detector, so the stored lines keep nothing the content check would refuse.
  return [...findInLine(line)]
    .sort((a, b) => b.start - a.start)
    .reduce((out, { start, end }) => `${out.slice(0, start)}〔已删除〕${out.slice(end)}`, line);
}

/** The seeds folder: SEEDS_DIR, else the first `shared/seeds` in the repository's parent folders. */
function findSeeds(): string | undefined {
  if (process.env.SEEDS_DIR) return existsSync(process.env.SEEDS_DIR) ? process.env.SEEDS_DIR : undefined;
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared/seeds');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

interface Entry {
  id: string;
  title: string;
  aliases: string[];
  body: string;
  figures: { label: string; value: string }[];
  file: string;
  start: number;
  end: number;
}

const sourceFiles = new Map(
  readdirSync(join(root, 'content/sources'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(root, 'content/sources', f), 'utf8')).file as string]),
);

const entries: Entry[] = readdirSync(join(root, 'content/cases'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => {
    const split = splitFrontmatter(readFileSync(join(root, 'content/cases', f), 'utf8'))!;
    const data = parse(split.yaml);
    const { start, end } = parseLocator(data.source.locator);
    return {
      id: f.replace(/\.mdx$/, ''),
      title: data.title,
      aliases: data.aliases ?? [],
      body: split.body,
      figures: data.figures ?? [],
      file: sourceFiles.get(data.source.id)!,
      start,
      end,
    };
  });

type Lines = Record<string, Record<string, string>>;
const seeds = findSeeds();
const seedLines = new Map<string, string[]>();
const fromSeeds = (file: string, n: number) => {
  if (!seedLines.has(file)) seedLines.set(file, readFileSync(join(seeds!, file), 'utf8').split('\n').map(redact));
  return seedLines.get(file)![n - 1];
};

/** The lines every entry cites, by source file and line number, as stored in the fixture. */
function citedLines(read: (file: string, n: number) => string | undefined): Lines {
  const out: Lines = {};
  for (const e of entries) {
    out[e.file] ??= {};
    for (let n = e.start; n <= e.end; n++) out[e.file][n] = read(e.file, n) ?? '';
  }
  for (const file of Object.keys(out)) {
    out[file] = Object.fromEntries(Object.entries(out[file]).sort(([a], [b]) => Number(a) - Number(b)));
  }
  return Object.fromEntries(Object.entries(out).sort());
}

if (seeds && process.env.UPDATE_SOURCE_LINES) {
  const about =
    'The source lines cited by content/cases/*.mdx, copied from the shared seeds so tests/unit/source-fidelity.test.ts runs without them. Generated; do not edit by hand.';
  writeFileSync(fixturePath, `${JSON.stringify({ about, lines: citedLines(fromSeeds) }, null, 1)}\n`);
}

const fixture: Lines | undefined = existsSync(fixturePath) ? JSON.parse(readFileSync(fixturePath, 'utf8')).lines : undefined;

/** The cited text of an entry, from the seeds when present, else from the fixture; missing lines are reported. */
function citedText(e: Entry): { text: string; missing: number[] } {
  const missing: number[] = [];
  const lines: string[] = [];
  for (let n = e.start; n <= e.end; n++) {
    const line = seeds ? fromSeeds(e.file, n) : fixture?.[e.file]?.[n];
    if (line === undefined) missing.push(n);
    else lines.push(line);
  }
  return { text: normalise(lines.join('\n')), missing };
}

describe('helpers', () => {
  it('normalises full-width digits, spaces and thousands separators', () => {
    expect(normalise('１２，３４５ 元')).toBe('12345元');
    expect(normalise('1,200 户，共 3 个')).toBe('1200户,共3个');
    expect(normalise('2013,2014年')).toBe('2013,2014年');
    expect(normalise('51.4l万件，１０．６万户')).toBe('51.41万件,10.6万户');
  });
  it('finds a figure whole or, for a list of numbers, part by part', () => {
    const text = normalise('全区共6个党支部，下设22个党小组，党员３００名。');
    expect(figureFound('300名', text)).toBe(true);
    expect(figureFound('6个党支部、22个党小组', text)).toBe(true);
    expect(figureFound('6个党支部、23个党小组', text)).toBe(false);
    expect(figureFound('00名', normalise('共300名'))).toBe(false);
    expect(figureFound('1.2万元', normalise('获红利21.2万元'))).toBe(false);
    expect(figureFound('1.2万元', normalise('获红利1.2万元'))).toBe(true);
    expect(figureFound('400名', text)).toBe(false);
    expect(figureFound('三个党支部、300名', text)).toBe(false);
    expect(figureFound('300名（全部在职）', text)).toBe(true);
  });
  it('keeps no contact details in the stored lines', () => {
    expect(redact('　　地址:广州市天河区体育西路57号')).toBe('　　地址:〔已删除〕');
    expect(redact('　　负责人:某某')).toBe('　　负责人:〔已删除〕');
    expect(redact('联系电话13800138000，全村1523人')).toBe('联系电话〔已删除〕，全村1523人');
    const stored = readFileSync(fixturePath, 'utf8');
    expect(findPrivateData(stored).map((f) => f.text)).toEqual([]);
  });
  it('compares phrases without their quotation marks', () => {
    expect(unquote('大事要事群众“说了算”')).toContain('群众说了算');
    expect(unquote('五个‘一’')).toBe(unquote('五个“一”'));
  });
  it('finds outermost quoted phrases', () => {
    expect(quotedPhrases('开展“学先进、找差距”活动，推行“五个“一””和“365”')).toEqual(['学先进、找差距', '五个“一”', '365']);
  });
});

describe('source fidelity', () => {
  it('has the cited source lines (seeds or fixture)', () => {
    if (!seeds) console.warn('source-fidelity: shared/seeds not found; checking against tests/fixtures/source-lines.json');
    expect(seeds || fixture, 'neither shared/seeds nor tests/fixtures/source-lines.json is available').toBeTruthy();
    const missing = entries.flatMap((e) => {
      const m = citedText(e).missing;
      return m.length ? [`${e.id}: lines ${m[0]}–${m.at(-1)} not available; regenerate the fixture (see the test's header)`] : [];
    });
    expect(missing).toEqual([]);
  });

  it.runIf(Boolean(seeds && fixture))('keeps a fixture that matches the seeds', () => {
    const stale = entries.flatMap((e) => {
      const out: string[] = [];
      for (let n = e.start; n <= e.end; n++) {
        if (fixture![e.file]?.[n] !== fromSeeds(e.file, n)) out.push(`${e.id}: ${e.file} line ${n}`);
      }
      return out.slice(0, 1);
    });
    expect(stale, 'tests/fixtures/source-lines.json is out of date; regenerate it (see the test header)').toEqual([]);
  });

  it('finds every key figure’s value in the cited lines', () => {
    const failures = entries.flatMap((e) => {
      const text = citedText(e).text;
      return e.figures
        .filter((f) => !figureFound(f.value, text))
        .map((f) => `${e.id}: figure “${f.label}” value “${f.value}” not in ${e.file} ${e.start}-${e.end}`);
    });
    expect(failures).toEqual([]);
  });

  it('finds every quoted phrase of the body in the cited lines, method names and aliases aside', () => {
    const failures = entries.flatMap((e) => {
      const text = unquote(citedText(e).text);
      const names = new Set([e.title, ...e.aliases, ...quotedPhrases(e.title)].map((n) => unquote(normalise(n))));
      return quotedPhrases(e.body)
        .map((q) => unquote(normalise(q)))
        .filter((q) => !names.has(q) && !text.includes(q))
        .map((q) => `${e.id}: “${q}” not in ${e.file} ${e.start}-${e.end}`);
    });
    expect(failures).toEqual([]);
  });
});

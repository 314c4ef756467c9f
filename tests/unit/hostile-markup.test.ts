/**
 * The hostile corpus (tests/fixtures/hostile/): files written the way attackers and careless
 * submitters write them, one fault each. Every file must be refused, with the line, field and
 * message its directory's expected.json names, and without the check crashing. The markup files
 * also go through the browser's parser (/submit/), which must reach the same verdict as the
 * build's, line for line.
 */
import { renderMessage } from '../../src/schema/message.ts';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkProject, checkProjectParallel } from '../../src/lib/content-files.node.ts';
import { describe, expect, it } from 'vitest';
import { checkCases, contentFile, formatProblem, type CheckContext } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { parseMdxBodyInBrowser } from '../../src/lib/mdx-parse-browser.ts';
import { findUnsafeMarkup } from '../../src/lib/safety.ts';
import { splitFrontmatter } from '../../src/lib/content-check.ts';

const dir = new URL('../fixtures/hostile/', import.meta.url);
const context: CheckContext = {
  sourceIds: new Set(['qunzhong-gongzuo-baodao-huibian']),
  sourceLines: new Map([['qunzhong-gongzuo-baodao-huibian', 461]]),
  existing: [{ id: 'minqing-riji-gongzuofa', title: '“民情日记”工作法', unit: '韶关市始兴县罗坝镇淋头村党支部' }],
  publicFiles: new Set(['/favicon.svg']),
  parseBody: parseMdxBody,
  parseMarkdown: parseMarkdownBody,
};

type Expected = Record<string, { line?: number; field: string; message: string }>;
const load = (folder: string) => {
  const expected: Expected = JSON.parse(readFileSync(new URL(`${folder}/expected.json`, dir), 'utf8'));
  const names = readdirSync(new URL(`${folder}/`, dir)).filter((f) => f !== 'expected.json');
  const file = (name: string) => contentFile(`tests/fixtures/hostile/${folder}/${name}`, readFileSync(new URL(`${folder}/${name}`, dir)));
  return { expected, names, file };
};

describe.each(['markup', 'files'])('hostile/%s', (folder) => {
  const { expected, names, file } = load(folder);

  it('has an expectation for every file, and no expectation without a file', () => {
    expect(names.filter((n) => !expected[n])).toEqual([]);
    expect(Object.keys(expected).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const name of names) {
    const want = expected[name];
    it(`${name}: refused at line ${want?.line ?? '–'} [${want?.field}] with “${want?.message}”`, () => {
      const { errors, validIds } = checkCases([file(name)], context);
      expect(validIds).toEqual([]);
      const match = errors.find(
        (e) =>
          e.field === want.field && renderMessage(e.message).includes(want.message) && (want.line === undefined || e.line === want.line),
      );
      expect(match, errors.map(formatProblem).join('\n')).toBeDefined();
      expect(formatProblem(match!)).toContain(`tests/fixtures/hostile/${folder}/${name}`);
      // Bilingual: "中文（with the fix） / English".
      expect(match!.message.zh).toMatch(/\p{Script=Han}/u);
      expect(match!.message.en).toMatch(/[A-Za-z]/);
    });
  }
});

describe('the whole corpus at once', () => {
  it('reports every file: no file’s fault hides another’s', () => {
    const files = ['markup', 'files'].flatMap((folder) => load(folder).names.map((n) => load(folder).file(n)));
    expect(files.length).toBeGreaterThanOrEqual(100);
    const { errors, validIds } = checkCases(files, context);
    expect(validIds).toEqual([]);
    const reported = new Set(errors.map((e) => e.file));
    expect(files.map((f) => f.path).filter((p) => !reported.has(p))).toEqual([]);
  });
});

describe('npm run check (checkProject) on a library holding the corpus', () => {
  it('reads every file as bytes, whatever its name, and reports each one; the real entries stay valid', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gongzuofa-hostile-'));
    try {
      cpSync(new URL('../../content/', import.meta.url).pathname, join(work, 'content'), { recursive: true });
      const names: string[] = [];
      for (const folder of ['markup', 'files'])
        for (const name of load(folder).names) {
          // Same names in both folders would collide; prefix the folder.
          const target = `${folder}-${name}`;
          cpSync(new URL(`${folder}/${name}`, dir).pathname, join(work, 'content/cases', target));
          names.push(`content/cases/${target}`);
        }
      mkdirSync(join(work, 'public'), { recursive: true });
      const result = checkProject(work);
      const reported = new Set(result.errors.map((e) => e.file));
      expect(names.filter((n) => !reported.has(n))).toEqual([]);
      expect(result.validIds.length).toBe(readdirSync(new URL('../../content/cases/', import.meta.url)).length);
      // The build's check on two cores gives the same result, problem for problem and in the same order…
      expect(await checkProjectParallel(work, 'content', { minFiles: 0 })).toEqual(result);
      // …and so it does when its worker takes files and dies without handing them back.
      const dying = new Worker(
        `require('node:worker_threads').parentPort.once('message', (job) => {
          const next = new Int32Array(job.next);
          for (let k = 0; k < 5; k++) Atomics.add(next, 0, 1);
          process.exit(1);
        });`,
        { eval: true },
      );
      expect(await checkProjectParallel(work, 'content', { minFiles: 0, worker: dying })).toEqual(result);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the browser parser (/submit/) agrees with the build’s', () => {
  it('on every real entry: both find nothing', () => {
    const cases = new URL('../../content/cases/', import.meta.url);
    const bodies = readdirSync(cases).map((f) => splitFrontmatter(readFileSync(new URL(f, cases), 'utf8'))!.body);
    expect(bodies.length).toBeGreaterThanOrEqual(74);
    for (const body of bodies) {
      expect(findUnsafeMarkup(body, parseMdxBody)).toEqual([]);
      expect(findUnsafeMarkup(body, parseMdxBodyInBrowser)).toEqual([]);
    }
  });

  const { names } = load('markup');
  for (const name of names) {
    it(name, () => {
      const raw = readFileSync(new URL(`markup/${name}`, dir), 'utf8');
      const body = splitFrontmatter(raw)!.body;
      const build = findUnsafeMarkup(body, parseMdxBody).map((p) => [p.line, p.message.zh.split('（')[0]]);
      const browser = findUnsafeMarkup(body, parseMdxBodyInBrowser).map((p) => [p.line, p.message.zh.split('（')[0]]);
      expect(build.length).toBeGreaterThan(0);
      expect(browser).toEqual(build);
    });
  }
});

/**
 * Defence in depth: the build's own MDX pipeline refuses code even when the content check is
 * switched off (CONTENT_CHECK=off, tests only). First the guard itself on each trick from issue 11,
 * compiled by satteri exactly as @astrojs/mdx compiles an entry; then a real build, which must
 * fail naming the file, without the entry's code having run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { refuseCode, refusedNodeTypes } from '../../src/lib/refuse-code.node.ts';
import { allowedNodeTypes } from '../../src/lib/safety.ts';

const root = new URL('../../', import.meta.url).pathname;

const compile = (body: string) =>
  mdxToJs(body, {
    mdastPlugins: [refuseCode],
    features: { gfm: true, smartPunctuation: true },
    fileURL: pathToFileURL('/x/content/cases/hostile.mdx'),
    jsxImportSource: 'astro',
  });

describe('the remark guard in the MDX pipeline', () => {
  it.each([
    ['an expression in {/* */}', '## 背景\n\n{/* 注 */ globalThis.ran = 1}\n', 3],
    ['a comment-only expression', '## 背景\n\n正文 {/* 注 */} 正文\n', 3],
    ['an expression between two ``` lines that are inline code to Markdown', '## 背景\n\n说明 ```\n{globalThis.ran = 1}\n``` 结束\n', 4],
    ['raw HTML', '## 背景\n\n<div onclick="x()">点</div>\n', 3],
    ['a script element', '## 背景\n\n文字<script>alert(1)</script>\n', 3],
    ['an import', '## 背景\n\nimport fs from "node:fs"\n', 3],
    ['a javascript: link with a space', '## 背景\n\n[点我]( javascript:alert(1))\n', 3],
    ['a javascript: reference definition', '## 背景\n\n[点我][a]\n\n[a]: JavaScript:alert(1)\n', 5],
    ['a data: image', '## 背景\n\n![图](data:text/html;base64,PHNjcmlwdD4=)\n', 3],
    ['an image from another site', '## 背景\n\n![照片](https://img.example.com/pixel.png?reader=1)\n', 3],
    ['a range written with ~, which strikes the text through', '## 背景\n\n每户2~3人，2012~2014年\n', 3],
    ['an SVG image, which can hold script', '## 背景\n\n![图](/images/chart.svg)\n', 3],
    ['an image by reference, whose address a link could share', '## 背景\n\n![照片][p]\n\n[p]: /images/a.png\n', 3],
  ])('stops %s, naming file and line', (_name, body, line) => {
    expect(() => compile(body)).toThrow(new RegExp(`hostile\\.mdx:${line}:`));
  });

  it('stops a front-matter layout, which @astrojs/mdx would import as code', () => {
    const run = () =>
      mdxToJs('## 背景\n\n正文\n', {
        mdastPlugins: [refuseCode],
        fileURL: pathToFileURL('/x/content/cases/hostile.mdx'),
        jsxImportSource: 'astro',
        data: {
          astro: {
            frontmatter: { layout: '/tmp/evil.js' },
            headings: [],
            localImagePaths: new Set<string>(),
            remoteImagePaths: new Set<string>(),
          },
        },
      });
    expect(run).toThrow(/hostile\.mdx:1\s+front matter 不能有 layout/);
  });

  it('has a refusing visitor for every node type satteri knows that an entry may not hold', () => {
    // The guard is a set of visitors walked in Rust: a type without one would pass unseen.
    for (const type of [
      'mdxjsEsm',
      'mdxFlowExpression',
      'mdxTextExpression',
      'mdxJsxFlowElement',
      'mdxJsxTextElement',
      'html',
      'custom',
      'footnoteReference',
      'footnoteDefinition',
    ])
      expect(refusedNodeTypes).toContain(type);
    for (const type of refusedNodeTypes) {
      expect(allowedNodeTypes.has(type)).toBe(false);
      expect(typeof (refuseCode as Record<string, unknown>)[type]).toBe('function');
    }
    for (const type of allowedNodeTypes) expect(refusedNodeTypes).not.toContain(type);
  });

  it('lists every problem of a body with its own line, not only the first', () => {
    expect(() => compile('## 背景\n\n{1}\n\n正文\n\n<b>粗</b>\n\n[链](javascript:x)\n')).toThrow(
      /hostile\.mdx:3:1 [^\n]*\n[^\n]*hostile\.mdx:7:1 [^\n]*\n[^\n]*hostile\.mdx:9:1 /,
    );
  });

  it('stops on a task-list item, by its box, not its type, and lets a plain list through', () => {
    expect(() => compile('## 做法\n\n- 建立台账\n- [ ] 入户走访\n')).toThrow(/hostile\.mdx:4:1 [^\n]*正文不用任务清单/);
    expect(compile('## 做法\n\n- 建立台账\n- 入户走访\n').code).toContain('MDXContent');
  });

  it('lets Markdown through', () => {
    expect(
      compile('## 背景\n\n**加粗**、[链接](https://example.com/)、[案例](/cases/a/)、`代码`、\\{转义\\}\n\n```\n{不是代码}\n```\n').code,
    ).toContain('MDXContent');
  });
});

describe('a build with the content check switched off', () => {
  // Made inside the test, so a filtered run (-t) leaves no folder behind.
  let work = '';
  afterAll(() => work && rmSync(work, { recursive: true, force: true }));
  const marker = (n: number) => join(work, `CODE-RAN-${n}`);

  it('still refuses entries whose bodies would write a file, names them, and nothing runs', () => {
    mkdirSync(join(root, '.bench'), { recursive: true });
    work = mkdtempSync(join(root, '.bench', 'build-guard-'));
    const content = join(work, 'content');
    mkdirSync(join(content, 'cases'), { recursive: true });
    for (const dir of ['sources', 'vocab']) cpSync(join(root, 'content', dir), join(content, dir), { recursive: true });
    cpSync(join(root, 'content/catalogue.json'), join(content, 'catalogue.json'));
    const good = readFileSync(join(root, 'content/cases/baoshan-youyilu-sanbi-sanzheng.mdx'), 'utf8');
    writeFileSync(join(content, 'cases/baoshan-youyilu-sanbi-sanzheng.mdx'), good);
    // Published, otherwise valid: the build renders them. The payloads are the tricks.
    const write = (n: number) => `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker(n))}, 'ran')`;
    const payloads = [`{/* 编者注 */ ${write(1)}}`, `说明 \`\`\`\n{${write(2)}}\n\`\`\` 结束`, `<img src={${write(3)}} alt="图" />`];
    payloads.forEach((payload, i) =>
      writeFileSync(join(content, `cases/hostile-entry-${i + 1}.mdx`), good.replace('## 背景\n', `## 背景\n\n${payload}\n`)),
    );
    const build = spawnSync('npx', ['astro', 'build'], {
      cwd: root,
      encoding: 'utf8',
      // A clean environment: vitest's own variables would make this a development build.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CONTENT_DIR: content,
        OUT_DIR: join(work, 'dist'),
        CONTENT_CHECK: 'off',
        SKIP_SEARCH_INDEX: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    const log = build.stdout + build.stderr;
    expect(log).toContain('CONTENT_CHECK=off');
    expect(build.status, log.slice(-3000)).not.toBe(0);
    // The build stops at the first entry it compiles, naming file, line and what was found.
    expect(log).toMatch(/hostile-entry-\d\.mdx:\d+:\d+\s+正文不能包含/);
    expect([1, 2, 3].filter((n) => existsSync(marker(n)))).toEqual([]);
  }, 240_000);
});

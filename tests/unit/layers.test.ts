/**
 * The layering, checked by reading imports (CONTRIBUTING.md, "Layers"):
 * - src/schema imports nothing from src/lib (schemas are the bottom layer);
 * - Node-only modules (`*.node.ts`, anything in src/integrations/, or any module importing a
 *   `node:` builtin or the pagefind package) are named as such;
 * - pages, components, layouts and browser code never reach a Node-only module, directly or
 *   through other modules (the import graph is walked);
 * - no `globalThis` hand-over anywhere in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');
const rel = (file: string) => relative(root, file).split('\\').join('/');

const files = (readdirSync(src, { recursive: true }) as string[])
  .map((f) => join(src, f))
  .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !f.endsWith('.d.ts'));

/** Every module specifier a file imports: static, re-exports, dynamic, and Astro's <script> blocks. */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…'
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

const NODE_PACKAGES = /^(node:|pagefind$)/;
const isNodeOnlyPath = (file: string) => /\.node\.ts$/.test(file) || rel(file).startsWith('src/integrations/');

const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of files) {
  const specs = importsOf(readFileSync(file, 'utf8'));
  graph.set(file, {
    local: specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s)),
    packages: specs.filter((s) => !s.startsWith('.')),
  });
}

/** The chain of imports from `start` to the first Node-only module it reaches, if any. */
function pathToNodeOnly(start: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const here = [...trail, rel(file)];
    if (isNodeOnlyPath(file)) return here;
    const node = graph.get(file);
    if (!node) return undefined;
    const builtin = node.packages.find((p) => NODE_PACKAGES.test(p));
    if (builtin) return [...here, builtin];
    for (const next of node.local) {
      const found = walk(next, here);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, []);
}

describe('layers', () => {
  it('reads imports of every kind (the walker itself)', () => {
    const text = `import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nimport './d.ts';\nconst e = await import('./e.ts');\n<script>\n  import '../f.ts';\n</script>`;
    expect(importsOf(text).sort()).toEqual(['../b.ts', '../f.ts', './a.ts', './c.ts', './d.ts', './e.ts']);
  });

  it('finds every source file, and resolves every relative import to a file that exists', () => {
    expect(files.length).toBeGreaterThan(80);
    const missing = [...graph].flatMap(([file, { local }]) =>
      local.filter((t) => !graph.has(t) && !/\.(json|css)$/.test(t)).map((t) => `${rel(file)} → ${rel(t)}`),
    );
    expect(missing).toEqual([]);
  });

  it('src/schema imports nothing from src/lib', () => {
    const offenders = [...graph]
      .filter(([file]) => rel(file).startsWith('src/schema/'))
      .flatMap(([file, { local }]) => local.filter((t) => rel(t).startsWith('src/lib/')).map((t) => `${rel(file)} → ${rel(t)}`));
    expect(offenders).toEqual([]);
  });

  it('a module that uses Node built-ins or pagefind is named *.node.ts or lives in src/integrations/', () => {
    const unnamed = [...graph]
      .filter(([file, { packages }]) => packages.some((p) => NODE_PACKAGES.test(p)) && !isNodeOnlyPath(file))
      .map(([file]) => rel(file));
    expect(unnamed).toEqual([]);
  });

  it('pages, components, layouts and browser code never reach a Node-only module, even through other modules', () => {
    const roots = files.filter((f) => /^src\/(pages|components|layouts|client)\//.test(rel(f)));
    expect(roots.length).toBeGreaterThan(40);
    const chains = roots
      .map((f) => pathToNodeOnly(f))
      .filter(Boolean)
      .map((chain) => chain!.join(' → '));
    expect(chains).toEqual([]);
  });

  it('the walk does find a Node-only module where there is one (so the check above can fail)', () => {
    const hook = files.find((f) => rel(f) === 'src/integrations/content-check.ts')!;
    expect(pathToNodeOnly(hook)).toEqual(['src/integrations/content-check.ts']);
    const reader = files.find((f) => rel(f) === 'src/lib/content-files.node.ts')!;
    expect(pathToNodeOnly(reader)?.[0]).toBe('src/lib/content-files.node.ts');
  });

  it('no globalThis hand-over anywhere in src/', () => {
    const users = files.filter((f) => /\bglobalThis\b/.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map(rel);
    expect(users).toEqual([]);
  });
});

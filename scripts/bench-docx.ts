/**
 * `node scripts/bench-docx.ts --entries 500[,2000]`: the per-case .docx worker's loop
 * (src/integrations/case-docx-worker.ts) over N synthetic entries, without Astro, timed step by
 * step: the entry view (Markdown), the handout data, the docx object tree (QR code included), the
 * XML, the zip and the write. Prints ms per document for each step, for the first and the last
 * quarter of the documents (a growing figure is what makes a build super-linear) and the heap.
 * `--site https://…` gives every document its QR code, as a build with SITE_URL does.
 * `--mode docx` times the docx package's own Packer.toBuffer instead of the worker's writer.
 * Run with `node --cpu-prof` to see where the time goes.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Packer } from 'docx';
import { checkProject } from '../src/lib/content-files.node.ts';
import { isPublished } from '../src/lib/editorial.ts';
import { entryView } from '../src/lib/entry-view.ts';
import { caseDocx } from '../src/lib/handout-data.ts';
import { buildHandoutDocx } from '../src/lib/handout-docx.ts';
import { absolute } from '../src/lib/url.ts';
import { generateLibrary } from './lib/synthetic.ts';
import { sourceFacts } from '../src/integrations/case-docx.ts';
import { docxBytes } from '../src/integrations/case-docx-pack.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('--entries') ?? '500').split(',').map(Number);
const site = flag('--site');
const mode = flag('--mode') ?? 'worker';

const steps = ['view', 'data', 'tree', 'pack', 'write'] as const;
type Step = (typeof steps)[number];

for (const n of sizes) {
  const base = resolve(`.bench/docx-${n}`);
  if (!existsSync(join(base, 'content/cases'))) generateLibrary(n, join(base, 'content'), { seed: 11 });
  const checked = checkProject(process.cwd(), join(base, 'content'));
  const entries = checked.valid.filter((e) => isPublished(e.data.status, false));
  const sources = sourceFacts(join(base, 'content'));
  const out = join(base, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const quarter = Math.max(1, Math.floor(entries.length / 4));
  const totals: Record<Step, number[]> = Object.fromEntries(steps.map((s) => [s, []])) as unknown as Record<Step, number[]>;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let bytes = 0;
  for (const e of entries) {
    // This thread's CPU time, not wall time: the machine is shared.
    const cpuNow = () => {
      const u = process.threadCpuUsage();
      return (u.user + u.system) / 1000;
    };
    let t = cpuNow();
    const lap = (step: Step) => {
      const now = cpuNow();
      totals[step].push(now - t);
      t = now;
    };
    const view = entryView(e.id, e.data, e.body, sources[e.data.source.id]);
    lap('view');
    const data = caseDocx(view, absolute(`/cases/${e.id}/`, site, '/'));
    lap('data');
    const doc = buildHandoutDocx(data);
    lap('tree');
    const buffer = mode === 'docx' ? await Packer.toBuffer(doc) : docxBytes(doc);
    lap('pack');
    writeFileSync(join(out, `${e.id}.docx`), buffer);
    bytes += buffer.length;
    lap('write');
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  console.log(
    `\n== ${entries.length} documents (${mode}${site ? ', with QR' : ''}): ${(ms / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${(ms / entries.length).toFixed(2)} ms per document, ${(bytes / entries.length / 1024).toFixed(1)} KB each; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB ==`,
  );
  console.log('step   all    first¼  last¼  (CPU ms per document, this thread)');
  for (const s of steps) {
    const list = totals[s];
    console.log(
      `${s.padEnd(6)} ${mean(list).toFixed(2).padStart(5)}  ${mean(list.slice(0, quarter)).toFixed(2).padStart(5)}  ${mean(list.slice(-quarter)).toFixed(2).padStart(5)}`,
    );
  }
}

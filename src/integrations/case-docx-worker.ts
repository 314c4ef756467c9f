/**
 * Worker thread of src/integrations/case-docx.ts: writes one .docx per entry into `dir`, made by
 * the lesson handout's own module (src/lib/handout-docx.ts) from the entry contract
 * (src/lib/entry-view.ts), packed by ./case-docx-pack.ts (about half the CPU time of the docx
 * package's own Packer; see there), and the entry contract itself as `<id>.json` (what
 * src/pages/cases/[id].json.ts serves in dev: 1,000 endpoints cost Astro's page pipeline several
 * seconds on the main thread). Runs at the lowest priority (./thread-priority.ts), mostly in the
 * time the build's other threads leave idle, while Astro bundles and renders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { CaseData } from '../schema/case.ts';
import { entryView, type SourceFacts } from '../lib/entry-view.ts';
import { caseDocx } from '../lib/handout-data.ts';
import { buildHandoutDocx } from '../lib/handout-docx.ts';
import { absolute } from '../lib/url.ts';
import { docxBytes } from './case-docx-pack.ts';
import { lowerThreadPriority } from './thread-priority.ts';

export interface DocxJob {
  dir: string;
  /** SITE_URL, if set: the QR code and address need a full URL. */
  site: string | undefined;
  base: string;
  sources: Record<string, SourceFacts>;
  entries: { id: string; data: CaseData; body: string }[];
  /** False leaves the .docx files out (SKIP_CASE_DOCX=1: a test fixture whose tests read none); the JSON files are written still. */
  docx: boolean;
}

// Started before the content check runs (see ./case-docx.ts): the modules above load on the second
// core meanwhile, and the work starts when the job, the checked entries, arrives.
parentPort!.once('message', (job: DocxJob) => {
  // Nothing waits for these files until the build's end, so they yield the CPU to Astro, the search index
  // and Pagefind (1,000 entries: builds 3.3 s shorter in the median of four alternating pairs). Not free:
  // on a 2-vCPU machine they still add about 2 s at 1,000 entries (README, Performance, rounds 16–17).
  lowerThreadPriority();
  mkdirSync(job.dir, { recursive: true });
  const entries: (DocxJob['entries'][number] | undefined)[] = job.entries;
  let written = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    // Each entry is let go once written, so the worker's heap shrinks as it goes instead of holding every body to the end.
    entries[i] = undefined;
    const view = entryView(e.id, e.data, e.body, job.sources[e.data.source.id]);
    writeFileSync(join(job.dir, `${e.id}.json`), JSON.stringify(view));
    if (job.docx)
      writeFileSync(
        join(job.dir, `${e.id}.docx`),
        docxBytes(buildHandoutDocx(caseDocx(view, absolute(`/cases/${e.id}/`, job.site, job.base)))),
      );
    written++;
  }
  const cpu = process.threadCpuUsage();
  parentPort!.postMessage({ written, cpuMs: (cpu.user + cpu.system) / 1000, at: Date.now() });
});

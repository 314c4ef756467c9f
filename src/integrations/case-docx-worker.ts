/**
 * Worker thread of src/integrations/case-docx.ts: writes one .docx per entry into `dir`, made by
 * the lesson handout's own module (src/lib/handout-docx.ts) from the entry contract
 * (src/lib/entry-view.ts). Runs on the second core while Astro renders the pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Packer } from 'docx';
import type { CaseData } from '../schema/case.ts';
import { entryView, type SourceFacts } from '../lib/entry-view.ts';
import { caseDocx } from '../lib/handout-data.ts';
import { buildHandoutDocx } from '../lib/handout-docx.ts';
import { absolute } from '../lib/url.ts';

export interface DocxJob {
  dir: string;
  /** SITE_URL, if set: the QR code and address need a full URL. */
  site: string | undefined;
  base: string;
  sources: Record<string, SourceFacts>;
  entries: { id: string; data: CaseData; body: string }[];
}

const job = workerData as DocxJob;
mkdirSync(job.dir, { recursive: true });
let written = 0;
for (const e of job.entries) {
  const view = entryView(e.id, e.data, e.body, job.sources[e.data.source.id]);
  const buffer = await Packer.toBuffer(buildHandoutDocx(caseDocx(view, absolute(`/cases/${e.id}/`, job.site, job.base))));
  writeFileSync(join(job.dir, `${e.id}.docx`), buffer);
  written++;
}
parentPort!.postMessage({ written });

/**
 * /cases/<id>.docx in `astro dev` only, injected by ./case-docx.ts in dev and never in a build: a
 * production build writes these files in a worker thread with the same modules while Astro renders
 * the pages, and a route here would pull the docx package into the server bundle it compiles.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { Packer } from 'docx';
import { getCases, type CaseView } from '../lib/cases.ts';
import { caseDocx } from '../lib/handout-data.ts';
import { buildHandoutDocx } from '../lib/handout-docx.ts';
import { absolute } from '../lib/url.ts';

export const getStaticPaths = (async () =>
  (await getCases()).map((item) => ({ params: { id: item.id }, props: { item } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: CaseView }> = async ({ props }) => {
  const { view } = props.item;
  const buffer = await Packer.toBuffer(buildHandoutDocx(caseDocx(view, absolute(`/cases/${view.id}/`))));
  return new Response(new Uint8Array(buffer), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};

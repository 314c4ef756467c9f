/**
 * /cases/<id>.json: the entry contract (src/schema/entry.ts) of one entry. The lesson, compare and
 * export features fetch it instead of reading the entry page's HTML.
 *
 * A production build writes these files from the worker thread of src/integrations/case-docx.ts
 * (the same `entryView` over the files the content check validated, byte for byte what this route
 * writes), beside the per-case .docx: as 1,000 endpoints they cost Astro's page pipeline several
 * seconds on the main thread. This route serves them in `astro dev`, and in a build with
 * CONTENT_CHECK=off (tests only), where the worker has no checked entries to read.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCases, type CaseView } from '../../lib/cases.ts';

const fromWorker = !import.meta.env.DEV && process.env.CONTENT_CHECK !== 'off';

export const getStaticPaths = (async () =>
  fromWorker ? [] : (await getCases()).map((item) => ({ params: { id: item.id }, props: { item } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: CaseView }> = ({ props }) =>
  new Response(JSON.stringify(props.item.view), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

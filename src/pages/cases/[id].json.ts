/**
 * /cases/<id>.json: the entry contract (src/schema/entry.ts) of one entry, written at build time.
 * The lesson, compare and export features fetch it instead of reading the entry page's HTML.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCases, type CaseView } from '../../lib/cases.ts';

export const getStaticPaths = (async () =>
  (await getCases()).map((item) => ({ params: { id: item.id }, props: { item } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: CaseView }> = ({ props }) =>
  new Response(JSON.stringify(props.item.view), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

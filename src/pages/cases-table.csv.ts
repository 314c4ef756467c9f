import type { APIRoute } from 'astro';
import { exportRecords } from '../lib/cases.ts';
import { tableColumns, toCsv } from '../lib/export.ts';

// The overview table for WPS and Excel: Chinese headers, names rather than ids (src/lib/export.ts).
export const GET: APIRoute = async () =>
  new Response(toCsv(await exportRecords(), tableColumns), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

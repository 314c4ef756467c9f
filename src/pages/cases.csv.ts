import type { APIRoute } from 'astro';
import { exportRecords } from '../lib/cases.ts';
import { toCsv } from '../lib/export.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(await exportRecords(site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

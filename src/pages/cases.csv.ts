import type { APIRoute } from 'astro';
import { exportRecords } from '../lib/cases.ts';
import { toCsv } from '../lib/export.ts';

export const GET: APIRoute = async () =>
  new Response(toCsv(await exportRecords()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

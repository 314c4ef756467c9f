import type { APIRoute } from 'astro';
import { exportRecords } from '../lib/cases.ts';
import { columns } from '../lib/export.ts';
import { absolute } from '../lib/url.ts';

export const GET: APIRoute = async () => {
  const cases = await exportRecords();
  const body = {
    about: `工作法案例库全部已发布条目的元数据和正文。字段说明见 ${absolute('/codebook/')}。`,
    generated: new Date().toISOString().slice(0, 10),
    count: cases.length,
    columns: columns.map(({ name, description }) => ({ name, description })),
    cases,
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

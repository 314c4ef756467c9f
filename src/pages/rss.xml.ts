import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCases } from '../lib/cases.ts';
import { ui } from '../i18n/ui.ts';

/** Newest entries first, by the date they were last reviewed (entries carry no publication date). */
export const GET: APIRoute = async ({ site }) => {
  const cases = [...(await getCases())].sort((a, b) => b.entry.data.reviewed.localeCompare(a.entry.data.reviewed) || a.order - b.order);
  return rss({
    title: ui.siteName,
    description: ui.description,
    site: site!,
    customData: '<language>zh-cn</language>',
    items: cases.slice(0, 50).map((c) => ({
      title: c.title,
      link: c.url,
      description: `${c.entry.data.summary}（${c.entry.data.unit}，${c.regionLabel}）`,
      pubDate: new Date(`${c.entry.data.reviewed}T00:00:00Z`),
      categories: [c.domainLabel, ...c.themeLabels],
    })),
  });
};

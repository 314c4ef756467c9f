import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCases } from '../lib/cases.ts';
import { ui } from '../i18n/ui.ts';
import { escapeHtml } from '../lib/escape.ts';
import { absolute, href, siteUrl } from '../lib/url.ts';

/**
 * Newest entries first, by the date they were last reviewed (entries carry no publication date).
 * With SITE_URL the feed has full URLs; without it, links are base-relative (`/gzf/cases/x/`),
 * which feed readers resolve against the feed's own address, and no host is made up.
 */
export const GET: APIRoute = async () => {
  const cases = [...(await getCases())].sort((a, b) => b.entry.data.reviewed.localeCompare(a.entry.data.reviewed) || a.order - b.order);
  const items = cases.slice(0, 50).map((c) => ({
    title: c.title,
    link: absolute(`/cases/${c.id}/`),
    description: `${c.entry.data.summary}（${c.entry.data.unit}，${c.regionLabel}）`,
    pubDate: new Date(`${c.entry.data.reviewed}T00:00:00Z`),
    categories: [c.domainLabel, ...c.themeLabels],
  }));
  if (siteUrl)
    return rss({ title: ui.siteName, description: ui.description, site: siteUrl, customData: '<language>zh-cn</language>', items });
  // @astrojs/rss insists on a full site URL; the same RSS 2.0 by hand, with relative links.
  const x = escapeHtml;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${x(ui.siteName)}</title><description>${x(ui.description)}</description><link>${x(href('/'))}</link><language>zh-cn</language>`,
    ...items.map(
      (i) =>
        `<item><title>${x(i.title)}</title><link>${x(i.link)}</link><guid isPermaLink="false">${x(i.link)}</guid><description>${x(i.description)}</description><pubDate>${i.pubDate.toUTCString()}</pubDate>${i.categories.map((c) => `<category>${x(c)}</category>`).join('')}</item>`,
    ),
    '</channel></rss>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

/**
 * Computes the entry contract (src/schema/entry.ts) from an entry's front matter, body and source.
 * Pure and build-time only (satteri renders the body). src/lib/cases.ts calls it once per entry
 * and everything else reads its result: the entry page, the open data, `/cases/<id>.json`, the
 * per-case .docx; the search index (src/integrations/pagefind.ts), which runs before Astro reads
 * the collections, calls it on the content check's entries, and the build compares the two.
 */
import { markdownToHtml } from 'satteri';
import type { CaseData } from '../schema/case.ts';
import type { EntryView, EntrySection } from '../schema/entry.ts';
import { labelOf, vocab } from '../schema/vocab.ts';
import { formatLocator, formatRegion, inferredFieldLabels } from './format.ts';
import { searchFilters } from './facets.ts';
import { htmlToText } from './grams.ts';
import { sectionBlocks, topLevelElements } from './section-blocks.ts';

/** What the view needs of the source document; the search index, which prints no source, may pass none. */
export interface SourceFacts {
  title: string;
  docNumber?: string;
  date?: string;
}

/**
 * The body as HTML, rendered by satteri, the compiler behind the page's MDX, as the page renders
 * it. The content check lets no HTML, comment or expression into a body, so none is taken out
 * here: cutting `<!-- … -->` out of the text by pattern once turned an escaped `\<!--` and a link
 * title into a live `<meta>`. Raw HTML is refused by node type instead: if any reaches this point
 * the check has a gap, and the build stops here rather than publish it in `/cases/<id>.json`,
 * which the compare page and the handout insert as HTML.
 */
export function bodyHtml(body: string): string {
  const raw: string[] = [];
  const refuseHtml = { name: 'gongzuofa:view-refuses-html', html: (node: { value?: string }) => void raw.push(node.value ?? '') };
  const { html } = markdownToHtml(body, { features: { frontmatter: false }, mdastPlugins: [refuseHtml] });
  if (raw.length)
    throw new Error(
      `entry body holds raw HTML (${JSON.stringify(raw[0].slice(0, 80))}), which the content check refuses; the build stops rather than publish it`,
    );
  return html;
}

/**
 * The body's `##` sections. The whole body is rendered at once, as the page renders it (a link
 * definition in one section serves another), then cut at its top-level headings.
 */
export function bodySections(body: string): EntrySection[] {
  const html = bodyHtml(body);
  const sections: EntrySection[] = [];
  let current: { name: string; parts: string[] } | undefined;
  const flush = () => {
    if (current) {
      const sectionHtml = current.parts.join('\n');
      sections.push({ name: current.name, html: sectionHtml, blocks: sectionBlocks(sectionHtml) });
    }
  };
  for (const element of topLevelElements(html)) {
    if (element.tag === 'h2') {
      flush();
      current = { name: htmlToText(element.inner), parts: [] };
    } else current?.parts.push(element.outer);
  }
  flush();
  return sections;
}

/** The printed citation: title（文号），date，第 99–307 行。 */
export const citation = (source: SourceFacts, locator: string) =>
  `${source.title}${source.docNumber ? `（${source.docNumber}）` : ''}${source.date ? `，${source.date}` : ''}，${formatLocator(locator)}。`;

/** The entry contract of one entry. */
export function entryView(id: string, data: CaseData, body: string, source: SourceFacts = { title: data.source.id }): EntryView {
  const province = data.region.province ? vocab('region', data.region.province) : undefined;
  const regionLabel = formatRegion(data.region);
  const domain = { id: data.domain, label: labelOf('domain', data.domain) };
  const themes = data.themes.map((t) => ({ id: t, label: labelOf('theme', t) }));
  const yearText = data.year ? `${data.year} 年` : '来源未载明';
  return {
    version: 1,
    id,
    title: data.title,
    ...(data.headline ? { headline: data.headline } : {}),
    summary: data.summary,
    aliases: data.aliases,
    status: data.status,
    unit: data.unit,
    region: {
      ...(province ? { province: province.id, provinceLabel: province.label, provinceCode: province.code } : {}),
      ...(data.region.city ? { city: data.region.city } : {}),
      ...(data.region.county ? { county: data.region.county } : {}),
      ...(data.region.note ? { note: data.region.note } : {}),
      label: regionLabel,
    },
    level: { id: data.level, label: labelOf('level', data.level) },
    domain,
    themes,
    ...(data.year ? { year: data.year } : {}),
    filters: searchFilters(data),
    facts: [
      { field: 'unit', label: '实践单位', value: data.unit },
      { field: 'region', label: '地区', value: regionLabel },
      { field: 'level', label: '层级', value: labelOf('level', data.level) },
      { field: 'domain', label: '领域', value: domain.label },
      { field: 'themes', label: '方法类别', value: themes.map((t) => t.label).join('、') },
      { field: 'year', label: '起始年份', value: yearText },
    ],
    inferred: data.inferred.map((i) => ({ field: i.field, label: inferredFieldLabels[i.field] ?? i.field, note: i.note })),
    ...(data.notes ? { notes: data.notes } : {}),
    sections: bodySections(body),
    figures: data.figures.map((f) => ({ label: f.label, value: f.value })),
    questions: data.questions,
    related: data.related,
    ...(data.teaching
      ? {
          teaching: {
            goals: data.teaching.goals,
            audience: data.teaching.audience,
            flow: data.teaching.flow,
            further: data.teaching.further,
          },
        }
      : {}),
    source: {
      id: data.source.id,
      title: source.title,
      ...(source.docNumber ? { docNumber: source.docNumber } : {}),
      ...(source.date ? { date: source.date } : {}),
      locator: data.source.locator,
      citation: citation(source, data.source.locator),
    },
    author: data.author,
    reviewed: data.reviewed,
  };
}

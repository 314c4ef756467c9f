/**
 * Reads an entry's data back out of its built page, so the lesson handout and the comparison
 * show exactly what the entry page shows, with no second copy of the content to keep in step.
 */
import type { HandoutEntry } from '../lib/lesson.ts';
import { here } from '../lib/url.ts';

export interface CaseData extends HandoutEntry {
  /** The entry's article element (detached), for printing it whole. */
  article: HTMLElement;
  field: (name: string) => string;
  /** Section HTML by name (背景, 做法, 成效, 启示). */
  sectionHtml: Record<string, string>;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function extractCase(doc: Document, url: string): CaseData | undefined {
  const article = doc.querySelector<HTMLElement>('article[data-case]');
  if (!article) return undefined;
  const field = (name: string) => {
    const el = article.querySelector<HTMLElement>(`[data-field="${name}"]`);
    return el?.dataset.value ?? text(el?.querySelector('dd') ?? el);
  };
  const sections: HandoutEntry['sections'] = [];
  const sectionHtml: Record<string, string> = {};
  let current: { name: string; blocks: string[]; html: string } | undefined;
  for (const node of article.querySelector('.sections')?.children ?? []) {
    if (node.tagName === 'H2') {
      current = { name: text(node), blocks: [], html: '' };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    current.html += node.outerHTML;
    sectionHtml[current.name] = current.html;
    if (node.tagName === 'UL' || node.tagName === 'OL') {
      [...node.children].forEach((li, i) => current!.blocks.push(`${node.tagName === 'OL' ? `${i + 1}.` : '-'} ${text(li)}`));
    } else if (/^H[3-6]$/.test(node.tagName)) current.blocks.push(`#### ${text(node)}`);
    else current.blocks.push(text(node));
  }
  const figures = [...article.querySelectorAll('.figures dl > div')].map((div) => ({ label: text(div.querySelector('dt')), value: text(div.querySelector('dd')) }));
  const labels: [string, string][] = [['unit', '实践单位'], ['region', '地区'], ['level', '层级'], ['domain', '领域'], ['themes', '方法类别'], ['year', '起始年份']];
  return {
    id: article.dataset.case!,
    title: text(article.querySelector('h1')),
    summary: text(article.querySelector('.lead')),
    url,
    article,
    field,
    facts: labels.map(([name, label]) => ({ label, value: field(name) })),
    sections: sections.map(({ name, blocks }) => ({ name, blocks })),
    sectionHtml,
    figures,
    questions: [...article.querySelectorAll('.questions li')].map(text),
    source: text(article.querySelector('[data-field="source"]')),
    sourceTitle: text(article.querySelector('[data-field="source"] a')),
    teaching: article.querySelector('[data-teaching]')
      ? {
          goals: [...article.querySelectorAll('[data-teaching="goals"] li')].map(text),
          audience: text(article.querySelector('[data-teaching="audience"]')),
          flow: [...article.querySelectorAll('[data-teaching="flow"] li')].map(text),
        }
      : undefined,
  };
}

/** Fetches and reads one entry; undefined when the site no longer has it. */
export async function fetchCase(id: string): Promise<CaseData | undefined> {
  const url = here(`/cases/${id}/`);
  const response = await fetch(url);
  if (!response.ok) return undefined;
  return extractCase(new DOMParser().parseFromString(await response.text(), 'text/html'), url);
}

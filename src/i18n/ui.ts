import { href } from '../lib/url.ts';
import { facets, type FacetKey } from '../lib/facets.ts';
/** UI strings used in more than one place. Pages keep their one-off text inline. */
export const ui = {
  siteName: '工作法案例库',
  tagline: '基层党组织工作法与服务案例',
  description: '收录各地基层党组织联系服务群众的工作法与案例，按地区、领域和方法分类，可检索、可对比、可用于培训。',
  nav: [
    { href: href('/cases/'), label: '全部案例' },
    { href: href('/regions/'), label: '地区' },
    { href: href('/domains/'), label: '领域' },
    { href: href('/themes/'), label: '方法' },
    { href: href('/sources/'), label: '来源' },
  ],
  searchLabel: '搜索案例',
  searchPlaceholder: '方法名、地名、单位、关键词',
  /** The header's box is narrower: a placeholder cut mid-word reads as broken. */
  searchPlaceholderShort: '方法名、地名、单位',
  /** Facet names by key, from the registry (src/lib/facets.ts). */
  facet: Object.fromEntries(facets.map((f) => [f.key, f.label])) as Record<FacetKey, string>,
} as const;

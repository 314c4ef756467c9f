import { href } from '../lib/url.ts';
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
  facet: { region: '地区', domain: '领域', theme: '方法类别', year: '年份', source: '来源' },
} as const;

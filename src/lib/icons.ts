/**
 * The site's icons: simple 24-px line drawings (stroke 1.75, round joins), drawn for this site so
 * nothing is fetched from elsewhere. Paths only, so one <svg> element (src/components/Icon.astro)
 * or a CSS mask (iconDataUri) draws them in the current text colour.
 */
export const icons = {
  // The four sections of an entry.
  背景: 'M2 5h6a4 4 0 0 1 4 4v11a3 3 0 0 0-3-3H2zM22 5h-6a4 4 0 0 0-4 4v11a3 3 0 0 1 3-3h7z',
  做法: 'M3 6l2 2 3-3M3 13l2 2 3-3M12 7h9M12 14h9M4 20h17',
  成效: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  启示: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  // Domains (content/vocab/domains.json ids).
  nongcun: 'M12 21v-9M12 12C12 8 9 5 4 5c0 5 3 7 8 7zM12 15c0-4 3-6 8-6 0 4-3 6-8 6zM5 21h14',
  'chengshi-shequ': 'M3 21h18M4 21V9l5-3v15M9 21V4h7v17M16 21v-9h4v9M12 8h1M12 12h1M12 16h1',
  jiguan: 'M3 21h18M4 10h16M12 3l8 5H4zM6 10v8M10 10v8M14 10v8M18 10v8M4 18h16',
  'guoyou-qiye': 'M3 21V11l5 3v-3l5 3v-3l5 3V4h3v17zM7 17h2M12 17h2',
  'feigong-qiye': 'M3 8h18v12H3zM9 8V5h6v3M3 13h18M11 13v2h2v-2',
  'shehui-zuzhi': 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 2.7-5 6-5s6 2 6 5M16 5.5a3 3 0 0 1 0 5.5M18 15c2 .6 3 2.4 3 5',
  'chuangkou-fuwu': 'M3 4h18v8H3zM12 4v8M2 16h20M5 16v5M19 16v5M9 8h.01M15 8h.01',
  'dangjian-tongchou':
    'M12 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 21a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM19 21a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM12 7v5M12 12l-6 5.5M12 12l6 5.5',
  // Site sections and controls.
  region: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14',
  domain: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  theme: 'M20 12l-8 8-9-9V3h8zM7.5 7.5h.01',
  cases: 'M5 3h11l3 3v15H5zM9 9h6M9 13h6M9 17h4',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  arrow: 'M5 12h14M13 6l6 6-6 6',
  lesson: 'M4 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H4zM13 8a3 3 0 0 1 3-3h4v13h-5a2 2 0 0 0-2 2',
  data: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
} as const;

export type IconName = keyof typeof icons;

/** An icon as an SVG data URI, for CSS masks (the CSP allows data: images). */
export function iconDataUri(name: IconName): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='1.75' stroke-linecap='round' stroke-linejoin='round'><path d='${icons[name]}'/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

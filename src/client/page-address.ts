/**
 * The printed "本页网址": the address this page was actually opened at (any host, any sub-path),
 * so a handout printed from an intranet copy names that copy. Without JS the build's own address
 * (SITE_URL, or the base-relative path) stays.
 */
for (const el of document.querySelectorAll<HTMLElement>('[data-page-address]')) {
  el.textContent = `${location.origin}${location.pathname}`;
}

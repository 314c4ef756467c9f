/**
 * What the Pagefind integration and its build-time middleware share. They run in one process but
 * in different module graphs (the middleware is bundled with the pages), so the collector is
 * passed through a global symbol.
 */
export const COLLECTOR = Symbol.for('gongzuofa.search-index');

/** Receives an entry page's URL and HTML as soon as it is rendered. */
export type Collector = (url: string, html: string) => void;

/** Entry page URLs; the catalogue /cases/ itself is not one. */
export const isEntryUrl = (pathname: string) => /^\/cases\/[^/]+\/$/.test(pathname);

/**
 * Escaping for every place where the site writes text into markup by itself (not through Astro's
 * `{expression}`, which escapes already). Entries come from submitters; these helpers make sure a
 * title like `</script><script>alert(1)</script>` stays text wherever it is written.
 */

const scriptUnsafe: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` (or any other script data block): the same
 * value as `JSON.stringify`, with `<`, `>`, `&`, U+2028 and U+2029 written as \u escapes, so no
 * string can close the element (`</script>`), open a comment (`<!--`) or end a line for older
 * JavaScript parsers. JSON readers see exactly the same value.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScript: value has no JSON form');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => scriptUnsafe[c]);
}

const htmlUnsafe: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML, safe both between tags and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlUnsafe[c]);
}

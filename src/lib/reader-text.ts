/**
 * Words shown to readers around titles: quotation marks and the editors' （无题） mark. No imports,
 * so the lesson page's scripts can use it without the vocabularies.
 */

/** How the editors mark a source whose document carries no title of its own (content/sources/). */
export const UNTITLED = '（无题）';

/**
 * A source title in reader words: a title the editors made up (marked （无题）) is shown as theirs,
 * "…（原件未注明标题）", never with the bare mark; without any words left, "未注明标题的来源".
 */
export function readerSourceTitle(title: string): string {
  if (!title.startsWith(UNTITLED)) return title;
  const rest = title.slice(UNTITLED.length).trim();
  return rest ? `${rest}（原件未注明标题）` : '未注明标题的来源';
}

/**
 * A title or name in Chinese quotation marks, its own double quotes turned single as Chinese
 * typography nests them: “‘共驻共建’工作法”, not ““共驻共建”工作法”.
 */
export const quote = (text: string): string => `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;

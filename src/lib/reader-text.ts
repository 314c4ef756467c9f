/**
 * Words shown to readers around titles, and one line of the lesson's handouts: quotation marks, the
 * editors' （无题） mark, the cover's words when a lesson is too long for a QR code. No imports, so
 * the lesson page's scripts can use it without the vocabularies or the QR encoder.
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

/** Printed where a lesson's QR code would stand when its link is too long for one (src/lib/lesson-qr.ts). */
export const QR_TOO_LONG = '本教案案例较多，二维码放不下：请在教案页点“复制分享链接”，把链接发给学员。';

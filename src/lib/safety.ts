/**
 * Rules that keep an entry safe to publish and safe to build. An MDX file is code that runs at
 * build time, so a submitted case may hold prose and Markdown only; and it may never carry the
 * private contact details that some sources print.
 */

export interface LineProblem {
  /** 1-based line in the text given. */
  line: number;
  /** What kind of data or markup was found, for the report's field column. */
  where: string;
  message: string;
}

/** Patterns for private data; each names what it found and how to fix it. */
export const privacyPatterns: { name: string; pattern: RegExp; fix: string }[] = [
  { name: '手机号码', pattern: /(?<![\d.])1[3-9]\d{9}(?!\d)/g, fix: '删除号码；联系方式不得发布' },
  { name: '带区号的固定电话', pattern: /(?<![\d.])0\d{2,3}[-－—‐ ]?\d{7,8}(?!\d)/g, fix: '删除号码；联系方式不得发布' },
  { name: '18 位身份证号', pattern: /(?<![\d.])\d{17}[\dXx](?![\dXx])/g, fix: '删除证件号' },
  { name: '电子邮箱', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, fix: '删除邮箱地址' },
  { name: '门牌地址', pattern: /[\u4e00-\u9fa5]{1,12}(?:路|街|巷|大道|胡同|弄)\s*\d+\s*号/g, fix: '删除具体门牌，最多写到街道或社区' },
];

/** Every private datum in a text, with its line. */
export function findPrivateData(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const { name, pattern, fix } of privacyPatterns) {
      for (const match of line.matchAll(pattern)) {
        problems.push({
          line: index + 1,
          where: '（隐私）',
          message: `疑似${name}“${match[0]}”：${fix} / looks like private data (${name}): remove it`,
        });
      }
    }
  });
  return problems;
}

/** MDX components an entry may use; none yet, so any tag is refused. */
export const allowedComponents: string[] = [];

/** Markup that would run code or inject HTML into the built site. */
export function findUnsafeMarkup(body: string): Omit<LineProblem, 'where'>[] {
  const problems: Omit<LineProblem, 'where'>[] = [];
  let fence = false;
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      return;
    }
    if (fence) return;
    if (/^\s*(import|export)\b/.test(raw))
      problems.push({ line, message: '正文不能使用 import / export：案例只能包含文字和 Markdown / entries may not import or export anything' });
    const text = raw.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<!--[\s\S]*?-->/g, '');
    for (const tag of text.matchAll(/<\/?([A-Za-z][\w.-]*)([^>]*)>?/g)) {
      const name = tag[1];
      if (allowedComponents.includes(name)) continue;
      const kind = /^(script|iframe|object|embed|style)$/i.test(name)
        ? `<${name}> 标签`
        : /\son\w+\s*=/.test(tag[2])
          ? '内联事件处理器'
          : /^[A-Z]/.test(name)
            ? `组件 <${name}>`
            : `HTML 标签 <${name}>`;
      problems.push({ line, message: `正文不能包含${kind}：请只用文字和 Markdown（强调用 **…**，列表用 - ） / ${kind.replace(/[^\w<> -]/g, '')} is not allowed in an entry` });
    }
    if (/[{}]/.test(text))
      problems.push({ line, message: '正文不能包含花括号 { }（MDX 会把它当作代码执行）：请改用全角括号（） / braces run code in MDX: use full-width brackets instead' });
  });
  return problems;
}

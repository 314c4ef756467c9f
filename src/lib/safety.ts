/**
 * Rules that keep an entry safe to publish and safe to build. An MDX file is code that runs at
 * build time, so a submitted case may hold prose and Markdown only; and it may never carry the
 * private contact details that some sources print.
 */

import { findPrivateData as findPrivacyFindings, type PrivacyOptions } from './privacy.ts';

export interface LineProblem {
  /** 1-based line in the text given. */
  line: number;
  /** What kind of data or markup was found, for the report's field column. */
  where: string;
  message: string;
}

/**
 * Every private datum in a text, with its line. The rules live in privacy.ts (normalising first:
 * full-width digits, spaced and dashed numbers, any at sign); this keeps the shape callers expect.
 */
export function findPrivateData(text: string, options?: PrivacyOptions): LineProblem[] {
  return findPrivacyFindings(text, options).map((f) => ({ line: f.line, where: '（隐私）', message: f.message }));
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

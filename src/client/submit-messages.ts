/**
 * The /submit/ form's words for a problem. The content check speaks to editors who know the file
 * format ("缺少必填字段 unit", "允许的值：nongcun（农村）、…"); the form speaks to someone filling
 * boxes, so a problem becomes what to do in the box, named by the form's own label ("请填写实践单位",
 * "请至少选择一个方法类别"). The CLIs keep the check's own messages. Pure: no DOM, unit-tested.
 */
import { renderMessage, type Message } from '../schema/message.ts';

/** What kind of control a field is, which decides the verb: 填写, 选择 or 勾选. */
export type ControlKind = 'text' | 'select' | 'choices' | 'section';

export interface FieldProblem {
  /** The check's message. */
  message: Message;
  /** The form's label for the field, without "*" and hints (e.g. 实践单位). */
  label: string;
  /** The control's kind. */
  kind: ControlKind;
  /** The control is empty (no text, nothing chosen). */
  empty: boolean;
}

/** Front-matter keys that messages may name, in the form's words. */
const nth = (n: string) => Number(n) + 1;
const fieldWords: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // An item of a list by its place, as the form numbers its lines (figures.0.label → 第 1 项关键数字的名称).
  [/ ?\bfigures\.(\d+)\.label\b ?/g, (_, n) => `第 ${nth(n)} 项关键数字的名称`],
  [/ ?\bfigures\.(\d+)\.value\b ?/g, (_, n) => `第 ${nth(n)} 项关键数字的数值`],
  [/ ?\bquestions\.(\d+)\b ?/g, (_, n) => `第 ${nth(n)} 道思考题`],
  [/ ?\binferred\.(\d+)\.note\b ?/g, (_, n) => `第 ${nth(n)} 条推断说明`],
  [/region\.province/g, '省份'],
  [/region\.city/g, '地级市'],
  [/region\.county/g, '县、区'],
  [/region\.note/g, '地区说明'],
  [/source\.locator/g, '位置'],
  [/source\.id/g, '来源文件'],
  [/应为 number/g, '应为数字'],
  [/应为 string/g, '应为文字'],
  [/应为 array/g, '应为列表'],
  // The check's words for file editors: a section by its heading mark, fields by their keys.
  [/“##\s*([^”]+)”/g, '“$1”一节'],
  [/ ?\bfigures\b ?/g, '“关键数字”'],
  [/ ?\bquestions\b ?/g, '“思考题”'],
  [/ ?\bsummary\b ?/g, '“摘要”'],
  [/ ?\baliases\b ?/g, '“别名”'],
  // Where a hotline is registered is the editors' business, not the form user's.
  [/（公共服务热线须列入 content\/vocab\/hotlines\.json）/g, '（公共服务热线请在备注中说明，由编辑核实）'],
];

/**
 * The problem as the form states it, beginning with what to do. In the summary (`withLabel`) a
 * filled field's problem is prefixed by its label; beside the field the label is already there.
 */
export function formProblem(p: FieldProblem, withLabel = true): string {
  if (p.empty) {
    if (p.kind === 'choices') return `请至少选择一个${p.label}`;
    if (p.kind === 'select') return `请选择${p.label}`;
    // The summary stays short; the advice stands beside the section itself.
    if (p.kind === 'section')
      return withLabel ? `请填写“${p.label}”一节` : `请填写这一节：原文没有相关内容时，写一句说明（如“原文未介绍${p.label}。”）`;
    return `请填写${p.label}`;
  }
  let text = renderMessage(p.message, 'zh');
  // A raw list of vocabulary ids tells a form user nothing: the control already offers the choices.
  if (/不在词表中/.test(text)) return `请从列表中选择${p.label}`;
  text = formWords(text);
  return withLabel ? `${p.label}：${text}` : text;
}

/** A message's file words (keys, heading marks, the hotline file) in the form's words: for problems and hints alike. */
export function formWords(message: string): string {
  let text = message;
  for (const [pattern, words] of fieldWords) text = typeof words === 'string' ? text.replace(pattern, words) : text.replace(pattern, words);
  return text;
}

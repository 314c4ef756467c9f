/**
 * Messages to editors are data, `{ zh, en }`, and are turned into text by one function,
 * `renderMessage`: the CLIs and the build print both languages ("中文 / English"), the /submit/
 * form shows the Chinese only. No caller ever splits a rendered message again.
 *
 * zod carries custom messages as strings, so a schema declares its message with `zodMessage`,
 * which registers the `{ zh, en }` pair under the string zod will hand back; `messageOf` turns a
 * zod issue's string into the pair again (zod's own English defaults become `{ zh: en, en }`).
 * No zod here, no lib: the bottom layer.
 */

/** A message to an editor, in Chinese (shown to users) and English (for maintainers and logs). */
export interface Message {
  /** Simplified Chinese, with the fix: what the form shows. */
  zh: string;
  /** English, short: printed after the Chinese by the CLIs and the build. */
  en: string;
}

/** Builds a message. */
export const msg = (zh: string, en: string): Message => ({ zh, en });

/** Which text a reader gets: Chinese only (the web form), or both (CLIs, build logs). */
export type MessageLang = 'zh' | 'en' | 'both';

/** The one way a message becomes text. */
export function renderMessage(message: Message, lang: MessageLang = 'both'): string {
  if (lang === 'zh') return message.zh;
  if (lang === 'en') return message.en;
  return message.en && message.en !== message.zh ? `${message.zh} / ${message.en}` : message.zh;
}

/** A message with more Chinese or English around it (e.g. a line number in front). */
export const wrapMessage = (message: Message, zh: (text: string) => string, en: (text: string) => string = (t) => t): Message =>
  msg(zh(message.zh), en(message.en));

const fromZod = new Map<string, Message>();

/** A message for a zod check: returns the string zod carries, remembered as its `{ zh, en }` pair. */
export function zodMessage(zh: string, en: string): string {
  const message = msg(zh, en);
  const text = renderMessage(message);
  fromZod.set(text, message);
  return text;
}

/** The `{ zh, en }` pair behind a zod issue's message (see `zodMessage`). */
export const messageOf = (text: string): Message => fromZod.get(text) ?? msg(text, text);

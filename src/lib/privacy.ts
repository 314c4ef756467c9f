/**
 * Private data in free text: phone numbers, ID and bank card numbers, e-mail, WeChat and QQ ids,
 * flat and house-number addresses. Careless and hostile submitters write `138 1234 5678`,
 * `１３９－２３４５－６７８９`, `+86 138…`, `name＠example.com` or `三栋二单元`, so each line is
 * normalised first (NFKC, dashes, zero-width characters, Chinese digit strings) and digits
 * separated by spaces, dashes, dots, slashes or brackets are read as one number; every finding
 * is mapped back to the text as written. Pure and browser-safe: the /submit/ page runs it too.
 *
 * False positives are kept low by matching whole digit groups against the shapes real numbers
 * have (mobile prefixes, area codes, ID dates and regions, bank-card prefixes and the Luhn
 * check), not any long digit string: years, money, counts, ranges and line locators pass.
 */
import { msg, type Message } from '../schema/message.ts';
import { hotlineNumbers } from '../schema/hotlines.ts';

export type PrivacyKind =
  | 'mobile'
  | 'landline'
  | 'id'
  | 'id15'
  | 'document'
  | 'email'
  | 'bankcard'
  | 'wechat'
  | 'contact'
  | 'qq'
  | 'account'
  | 'phone'
  | 'address'
  | 'plate'
  | 'resident';

export interface PrivacyFinding {
  /** 1-based line in the text given. */
  line: number;
  kind: PrivacyKind;
  /** Chinese name of the kind, as editors read it. */
  label: string;
  /** The text as written in the line (before normalisation). */
  text: string;
  /** What to do, in Chinese. */
  fix: string;
  /** `疑似…“text”：fix`, with its English, ready for a report. */
  message: Message;
}

export interface PrivacyOptions {
  /** Numbers (digits only) that are never reported; defaults to content/vocab/hotlines.json. */
  allowed?: Iterable<string>;
}

const PHONE_FIX = '删除号码；联系方式不得发布（公共服务热线须列入 content/vocab/hotlines.json）';
const ACCOUNT_FIX = '删除账号；联系方式不得发布';

export const privacyKinds: Record<PrivacyKind, { label: string; fix: string }> = {
  mobile: { label: '手机号码', fix: PHONE_FIX },
  landline: { label: '带区号的固定电话', fix: PHONE_FIX },
  phone: { label: '电话号码', fix: PHONE_FIX },
  id: { label: '18 位身份证号', fix: '删除证件号' },
  id15: { label: '15 位身份证号', fix: '删除证件号' },
  document: { label: '证件号码', fix: '删除证件号' },
  bankcard: { label: '银行卡号', fix: '删除卡号' },
  email: { label: '电子邮箱', fix: '删除邮箱地址' },
  wechat: { label: '微信号', fix: ACCOUNT_FIX },
  qq: { label: 'QQ 号', fix: ACCOUNT_FIX },
  account: { label: '支付或社交账号', fix: ACCOUNT_FIX },
  address: { label: '门牌地址', fix: '删除具体门牌，最多写到街道或社区' },
  plate: { label: '机动车号牌', fix: '删除车牌号，写“一辆私家车”即可' },
  contact: { label: '联系人的姓名', fix: '删去整个联系人一项：条目不写联系人和联系方式' },
  resident: { label: '群众的姓名或带姓氏的称呼', fix: '普通群众只写身份，去掉姓名和姓氏（写“一位大妈”“一位村民”）' },
};

/** The start of every privacy message's English, so callers can tell these problems apart. */
export const PRIVACY_MARK = 'looks like private data';

// ---------------------------------------------------------------------------------------------
// Normalisation

export interface Normalised {
  /** The normalised line. */
  text: string;
  /** For each character of `text`, the start of the original code point it came from. */
  from: number[];
  /** For each character of `text`, the end of that original code point. */
  to: number[];
}

const DASH = /[\u002D\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u30FC\u2500\u2501\u23AF]/;
const DOT = /[\u00B7\u2022\u2027\u30FB\uFF65\u2219]/;
// Every format character (zero-width, soft hyphen, bidi controls, U+206A–206F, tags) and the blank
// fillers: invisible, so a number hidden by them is still a number.
const INVISIBLE = /^(?:[\p{Cf}\u115F\u1160\u180E\u2800\u3164\uFFA0\uFFFC]|\u034F|\p{Variation_Selector})$/u;
// Financial numerals (壹贰叁…) too: a careful writer spells a number that way so it cannot be altered.
const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  幺: '1',
  洞: '0',
  拐: '7',
  勾: '9',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  叄: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

// 洞幺两拐勾: digits as radio operators and soldiers say them.
const CN_DIGIT_CLASS = '〇○零洞一幺二两三四五六七拐八九勾壹贰貳叁參叄肆伍陆陸柒捌玖';
// Commas too (一三八，一二三四，五六七八): NFKC has made the full-width ones plain; and 、 (一、三、八…),
// which lists items, but eleven digits listed one by one are a number read out; and / | ; : (一三八／一二三四／五六七八).
const MIXED_DIGIT_RUN = new RegExp(`[${CN_DIGIT_CLASS}\\d](?:[ \\-.(),、/|;:]{0,3}[${CN_DIGIT_CLASS}\\d]){6,}`, 'g');

/**
 * Decimal digits NFKC leaves alone (Arabic-Indic, Devanagari, Thai and every other script's digits)
 * and the dingbat circled digits, as ASCII digits. Unicode keeps each script's digits 0–9 in a row of
 * ten, and rows that touch are whole rows, so a digit's value is its distance from the row's start.
 */
function otherDigit(char: string, code: number): string | undefined {
  // ❶–❾, ➀–➈, ➊–➒ (the tenth of each is 10, not a digit).
  for (const first of [0x2776, 0x2780, 0x278a]) if (code >= first && code < first + 9) return String(code - first + 1);
  if (code < 0x660 || !DECIMAL.test(char)) return undefined;
  let point = char.codePointAt(0)!;
  let steps = 0;
  while (steps < 60 && DECIMAL.test(String.fromCodePoint(point - 1))) {
    point--;
    steps++;
  }
  return String(steps % 10);
}
const DECIMAL = /^\p{Nd}$/u;

// Folding a character is the same every time: remembered, as a long line repeats the same few.
const folds = new Map<string, string>();

/** NFKC, then any digit it leaves alone as an ASCII digit. */
function foldDigit(char: string, code: number): string {
  let folded = folds.get(char);
  if (folded === undefined) {
    const nfkc = char.normalize('NFKC');
    folded = (nfkc.length === 1 && nfkc >= '0' && nfkc <= '9' ? undefined : otherDigit(char, code)) ?? nfkc;
    if (folds.size < 65_536) folds.set(char, folded);
  }
  return folded;
}
// Combining marks (1̲3̲8̲, keycaps 1️⃣): drawn on the digit before them, so the digit still reads.
const MARK = /^\p{M}$/u;

// Character references as HTML and Markdown decode them (&#49; is 1, &#x40; is @), and the few named
// ones that stand for a separator or an at sign: a number written with them is still a number.
const CHAR_REF =
  /^&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(nbsp|commat|period|hyphen|dash|ndash|mdash|lpar|rpar|lowbar|num|plus|sol|colon|ensp|emsp|thinsp|zwsp|shy));?/;
const NAMED_REF: Record<string, string> = {
  nbsp: ' ',
  commat: '@',
  period: '.',
  hyphen: '-',
  dash: '-',
  ndash: '-',
  mdash: '-',
  lpar: '(',
  rpar: ')',
  lowbar: '_',
  num: '#',
  plus: '+',
  sol: '/',
  colon: ':',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwsp: '',
  shy: '',
};
// Percent-encoding in a link or pasted address (zhangsan%40163.com, 138%2D1234): printable ASCII only.
const PERCENT = /^%([2-7][0-9A-Fa-f])/;

/** A character reference or percent-escape at `index`, decoded, with its length; undefined when there is none. */
function reference(line: string, index: number): { char: string; length: number } | undefined {
  const code = line.charCodeAt(index);
  if (code === 0x26) {
    const match = CHAR_REF.exec(line.slice(index, index + 12));
    if (!match) return undefined;
    const point = match[1] ? parseInt(match[1], 16) : match[2] ? Number(match[2]) : undefined;
    if (point === undefined) return { char: NAMED_REF[match[3]], length: match[0].length };
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    return { char: String.fromCodePoint(point), length: match[0].length };
  }
  if (code === 0x25) {
    const match = PERCENT.exec(line.slice(index, index + 3));
    return match ? { char: String.fromCharCode(parseInt(match[1], 16)), length: 3 } : undefined;
  }
  return undefined;
}

const OCR_DIGITS: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', S: '5' };

/** What one character becomes: `mark` if it is drawn on the one before it (dropped, but part of it as written). */
interface CharFold {
  out: string;
  mark: boolean;
}
// A character's fold depends on nothing else, and a text repeats the same few hundred characters
// (Chinese punctuation in every line): each is worked out once, not by six patterns every time.
const charFolds = [new Map<string, CharFold>(), new Map<string, CharFold>()];

function foldChar(char: string, literal: boolean): CharFold {
  const known = charFolds[literal ? 1 : 0];
  let fold = known.get(char);
  if (fold) return fold;
  const charCode = char.charCodeAt(0);
  const mark = MARK.test(char);
  let out = char === '' || INVISIBLE.test(char) || mark ? '' : charCode < 0x80 ? char : foldDigit(char, charCode);
  // ① is a number sign, not a digit as written: NFKC makes it 1.
  if (literal && /^\d+$/.test(out) && !DECIMAL.test(char)) out = char;
  if (DASH.test(out)) out = '-';
  else if (DOT.test(out)) out = '.';
  else if (/^\s+$/u.test(out)) out = ' ';
  fold = { out, mark };
  if (known.size < 65_536) known.set(char, fold);
  return fold;
}

/**
 * NFKC, one dash, one dot, no invisible characters; 7+ Chinese digits in a row become digits.
 * `literal`: only what is written as a digit counts as one (no Chinese digits, ①, O for 0 or pinyin).
 */
export function normalise(line: string, literal = false): Normalised {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  // Characters on the fast path are copied a run at a time, not one by one.
  let run = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    // Fast path for ASCII and common CJK characters, which NFKC leaves alone: most of any text.
    if ((code < 0x80 && code !== 0x2d && code !== 0x26 && code !== 0x25 && code !== 0x09) || (code >= 0x4e00 && code <= 0x9fff)) {
      from.push(index);
      to.push(index + 1);
      index++;
      continue;
    }
    if (run < index) parts.push(line.slice(run, index));
    // A character reference or percent-escape is read as the character it stands for, mapped back to
    // the whole reference.
    const ref = code === 0x26 || code === 0x25 ? reference(line, index) : undefined;
    const char = ref ? ref.char : String.fromCodePoint(line.codePointAt(index)!);
    const width = ref ? ref.length : char.length;
    const { out, mark } = foldChar(char, literal);
    index += width;
    run = index;
    if (mark && to.length > 0) {
      // Dropped, but part of the character before it as written.
      to[to.length - 1] = index;
      continue;
    }
    // Each normalised UTF-16 unit maps back to the whole original code point (or reference).
    for (let k = 0; k < out.length; k++) {
      from.push(index - width);
      to.push(index);
    }
    parts.push(out);
  }
  if (run < line.length) parts.push(line.slice(run));
  // A phone number spelled in Chinese digits (一三八…), alone or mixed with digits (1三8…, 一三八 1234
  // 5678): only runs of seven or more digits of either kind, so 三栋 or 二〇〇九 stay words.
  if (literal) return squeeze(squeeze({ text: parts.join(''), from, to }, EMPHASIS), SPACED_SINGLES);
  const text = parts
    .join('')
    .replace(MIXED_DIGIT_RUN, (run) =>
      /[^\d \-.(),、/|;:]/.test(run) ? run.replace(/[^\d \-.(),、/|;:]/g, (c) => CN_DIGITS[c]).replace(/、/g, ' ') : run,
    );
  // OCR and careless typing put O for 0, l or I for 1 and S for 5 in a number (15O12345678,
  // l39l234S678): between digits, or an l or I just before two digits, they are digits. One character
  // for one, so the map back to the text is unchanged.
  const ocr = text.replace(/(?<=\d)[OoIlS](?=\d)|(?<![A-Za-z])[lI](?=\d\d)/g, (c) => OCR_DIGITS[c]);
  return foldPinyinDigits(squeeze(squeeze({ text: ocr, from, to }, EMPHASIS), SPACED_SINGLES));
}

// Markdown emphasis and code marks inside a word (幸福路**88**号, 微信**abc123**, `139`1234): a reader
// sees the word whole. A single * stays (it is typed for an ID's X), and so do runs of three or more
// (138****5678 is masked, not emphasised).
const EMPHASIS = /(?<=[^\s*_~`])(?:(?<![*_~`])(?:\*\*|__?|~~|`)(?![*_~`]))(?=[^\s*_~`])/g;
// Letters and digits typed one by one with spaces between (z h a n g s a n @ 1 6 3 . c o m): the
// spaces between four or more single characters in a row are dropped.
const SPACED_SINGLES = /(?<![A-Za-z0-9@.])[A-Za-z0-9@.](?: [A-Za-z0-9@.](?![A-Za-z0-9@.])){3,}/g;

// Spaces and middle dots between Chinese characters (贫困户赵 德 顺, 周·老汉; normalising has made
// some dots a full stop): typed to break up a name. Prose puts none inside a name, so the name rules
// read the text without them; the other rules do not (邮箱：张三@例子.中国 needs its dot).
const SPACED_HAN = /(?<=\p{Script=Han})[ .*\\\u3000\u00b7\u2022\u2027\u30fb\uff65]+(?=\p{Script=Han})/gu;

const HAS_SPACED_HAN = new RegExp(SPACED_HAN.source, 'u');

/** `text` without SPACED_HAN, and for each of its characters the index it had in `text`. */
function joinHan(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let kept = 0;
  for (const m of text.matchAll(SPACED_HAN)) {
    for (let i = kept; i < m.index!; i++) at.push(i);
    out += text.slice(kept, m.index!);
    kept = m.index! + m[0].length;
  }
  for (let i = kept; i < text.length; i++) at.push(i);
  return { text: out + text.slice(kept), at };
}

/** The residents named in a text (see residentCandidates), read without SPACED_HAN; spans are in `text`. */
function residentsIn(text: string): { sure: Span[]; maybe: Span[] } {
  if (!HAS_SPACED_HAN.test(text)) return residentCandidates(text);
  const joined = joinHan(text);
  const found = residentCandidates(joined.text);
  const back = (s: Span): Span => ({ ...s, start: joined.at[s.start], end: joined.at[s.end - 1] + 1 });
  return { sure: found.sure.map(back), maybe: found.maybe.map(back) };
}

/** Drops what `pattern` matches (for SPACED_SINGLES, only the spaces in the match), keeping the map back to the text. */
function squeeze(norm: Normalised, pattern: RegExp): Normalised {
  const matches = [...norm.text.matchAll(pattern)];
  if (matches.length === 0) return norm;
  const drop = new Uint8Array(norm.text.length);
  for (const match of matches)
    for (let i = match.index!; i < match.index! + match[0].length; i++) if (pattern !== SPACED_SINGLES || norm.text[i] === ' ') drop[i] = 1;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < norm.text.length; i++) {
    if (drop[i]) continue;
    text += norm.text[i];
    from.push(norm.from[i]);
    to.push(norm.to[i]);
  }
  return { text, from, to };
}

// A number spelled in pinyin (yao san ba yi er san…, or yaosanba…) or in English words (1 three 8…),
// as someone writes it to slip past a digit filter. Only runs of seven or more digit words: names and
// prose never hold that many.
const PINYIN_DIGITS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ling: '0',
  yao: '1',
  yi: '1',
  er: '2',
  liang: '2',
  san: '3',
  si: '4',
  wu: '5',
  liu: '6',
  qi: '7',
  ba: '8',
  jiu: '9',
};
// Longest first, so six is not read as si and x.
const PINYIN_DIGIT = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ling|liang|liu|jiu|yao|san|yi|er|si|wu|qi|ba)';
// Digits may be mixed in (Yao San Ba 1234 wu liu qi ba).
const PINYIN_ITEM = `(?:${PINYIN_DIGIT}|\\d)`;
const PINYIN_RUN = new RegExp(`(?<![A-Za-z])${PINYIN_ITEM}(?:[ \\-.]?${PINYIN_ITEM}){6,}(?![A-Za-z])`, 'gi');

/** Replaces each run of pinyin digit syllables by its digits, keeping the map back to the text as written. */
function foldPinyinDigits(norm: Normalised): Normalised {
  if (!/[A-Za-z]{2}/.test(norm.text)) return norm;
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const run of norm.text.matchAll(PINYIN_RUN)) {
    const start = run.index!;
    if (!/[A-Za-z]/.test(run[0])) continue;
    for (let i = at; i < start; i++) {
      from.push(norm.from[i]);
      to.push(norm.to[i]);
    }
    text += norm.text.slice(at, start);
    for (const syllable of run[0].matchAll(new RegExp(PINYIN_ITEM, 'gi'))) {
      const first = start + syllable.index!;
      text += PINYIN_DIGITS[syllable[0].toLowerCase()] ?? syllable[0];
      from.push(norm.from[first]);
      to.push(norm.to[first + syllable[0].length - 1]);
    }
    at = start + run[0].length;
  }
  if (at === 0) return norm;
  for (let i = at; i < norm.text.length; i++) {
    from.push(norm.from[i]);
    to.push(norm.to[i]);
  }
  return { text: text + norm.text.slice(at), from, to };
}

// ---------------------------------------------------------------------------------------------
// Number shapes

/** Luhn check, as bank cards carry it. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// First two digits of a resident ID: the province-level codes of GB/T 2260.
const ID_REGION = '(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])\\d{4}';
const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID18 = new RegExp(`^${ID_REGION}(?:18|19|20)\\d{2}${DATE}\\d{3}[\\dX]$`);
const ID15 = new RegExp(`^${ID_REGION}\\d{2}${DATE}\\d{3}$`);
const MOBILE = /^(?:(?:00)?86)?1[3-9]\d{9}$/;
// 010 and 02x have three-digit codes, the rest four; local numbers are 7–8 digits, never starting
// with 0 (real ones never start with 1 either, but submitters' made-up 12345678 must still be caught).
const LANDLINE = /^(?:0|(?:00)?86)(?:10|2\d|[3-9]\d{2})[1-9]\d{6,7}$/;

interface Group {
  digits: string;
  start: number;
  end: number;
}

/** Digit groups joined by up to four separators (space, dash, dot, slash, bracket, underscore, Markdown's * and `). */
function digitRuns(text: string): { groups: Group[]; x: boolean }[] {
  const runs: { groups: Group[]; x: boolean }[] = [];
  let current: Group[] = [];
  let x = false;
  const flush = () => {
    if (current.length) runs.push({ groups: current, x });
    current = [];
    x = false;
  };
  for (const match of text.matchAll(/\d+/g)) {
    const start = match.index!;
    const end = start + match[0].length;
    // Part of a hash or file name such as 39c83878bf2ababd: not a number anyone dials.
    const token =
      /[0-9A-Za-z]*$/.exec(text.slice(Math.max(0, start - 40), start))![0] + match[0] + /^[0-9A-Za-z]*/.exec(text.slice(end, end + 40))![0];
    if (/^[0-9a-f]{8,}$/i.test(token) && (token.match(/\d(?=[a-f])|[a-f](?=\d)/gi)?.length ?? 0) >= 3) {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    const gap = text.slice(previous?.end ?? 0, start);
    // Masking stars (138****5678) are not a separator: the number is already hidden. Tildes join
    // (0571~87654321), and so does a run of spaces (139     1234). A comma joins only thousands
    // (13,812,345,678; a figure with a unit after it is let off in numberSpans): lists of figures and
    // numbers listed after one another (电话：87185119,87185106) are separate numbers.
    const thousandsComma = gap === ',' && previous?.digits.length <= 3 && match[0].length === 3;
    if (previous && !thousandsComma && (!/^(?:[ \-./\\()_+*`~]{1,4}| {1,12})$/.test(gap) || gap.includes('***'))) flush();
    current.push({ digits: match[0], start, end });
    // The check digit X, or × or * typed for it.
    x = /[Xx×*]/.test(text.charAt(end)) && !/[0-9A-Za-z*]/.test(text.charAt(end + 1));
  }
  flush();
  return runs;
}

/** Bank-card grouping: one block, or blocks of four (the first may be six), the last shorter. */
const cardGrouping = (groups: Group[]) =>
  groups.length === 1 || groups.slice(0, -1).every((g, i) => g.digits.length === 4 || (i === 0 && g.digits.length === 6));

interface Span {
  kind: PrivacyKind;
  start: number;
  end: number;
}

function numberSpans(text: string, allowed: Set<string>): Span[] {
  const spans: Span[] = [];
  for (const { groups, x } of digitRuns(text)) {
    let i = 0;
    while (i < groups.length) {
      let best: { kind: PrivacyKind; j: number; withX: boolean } | undefined;
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 22; j++) {
        digits += groups[j].digits;
        // No shape is shorter than 10 digits (a landline with a three-digit area code).
        if (digits.length < 10) continue;
        const last = j === groups.length - 1;
        const found: PrivacyKind | undefined =
          last && x && ID18.test(`${digits}X`)
            ? 'id'
            : ID18.test(digits)
              ? 'id'
              : MOBILE.test(digits)
                ? 'mobile'
                : LANDLINE.test(digits)
                  ? 'landline'
                  : (/^[3-6]\d{15,18}$/.test(digits) && luhn(digits) && cardGrouping(groups.slice(i, j + 1))) ||
                      /^(?:62\d{14,17}|955[89]\d{12,15})$/.test(digits)
                    ? 'bankcard'
                    : ID15.test(digits) && (j === i || groups[i].digits.length >= 4)
                      ? 'id15'
                      : undefined;
        // 15 000 000 000元 (thousands set apart, then a unit) is a figure, not a phone number; an ID
        // number is never a figure, however it is grouped.
        const thousands =
          found !== 'id' &&
          j - i >= 2 &&
          groups[i].digits.length <= 3 &&
          groups.slice(i + 1, j + 1).every((g) => g.digits.length === 3) &&
          COUNT_AFTER.test(text.slice(groups[j].end, groups[j].end + 4));
        if (found && !thousands && !allowed.has(digits))
          best = { kind: found, j, withX: last && x && found === 'id' && !ID18.test(digits) };
      }
      if (best) {
        let start = groups[i].start;
        // Show a leading + of +86 as part of the number.
        if (text[start - 1] === '+') start--;
        spans.push({ kind: best.kind, start, end: groups[best.j].end + (best.withX ? 1 : 0) });
        i = best.j + 1;
      } else i++;
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// E-mail, accounts and numbers named by a keyword

const AT = String.raw`\s*(?:@|[\[(<{【]\s*(?:at|AT|At|a|A|艾特|圈a?)\s*[\])>}】]|#|艾特|圈a?|小老鼠|◎)\s*`;
const DOT_WORD = String.raw`(?:\s*\.\s*|\s*[\[(<{【]\s*(?:dot|DOT|Dot|点)\s*[\])>}】]\s*|\s*点\s*)`;
const MAIL_HOSTS = 'qq|163|126|139|189|sina|sohu|foxmail|gmail|hotmail|outlook|yeah|aliyun|yahoo';
const EMAIL = new RegExp(
  String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:${AT}[A-Za-z0-9-]+(?:${DOT_WORD}[A-Za-z0-9-]+)*${DOT_WORD}[A-Za-z]{2,}(?![A-Za-z])|@\s*(?:${MAIL_HOSTS})(?![A-Za-z0-9])|\s+(?:at|AT)\s+[A-Za-z0-9-]+(?:(?:\s+(?:dot|DOT)\s+|\s*\.\s*)[A-Za-z0-9-]+)*(?:\s+(?:dot|DOT)\s+|\s*\.\s*)[A-Za-z]{2,}(?![A-Za-z]))`,
  'g',
);

// An address whose name is in Chinese characters (张三@163.com); short, so a sentence is not taken
// for the name.
// Internationalised domains too (张三@例子.中国, zhangsan@邮件.公司).
const EMAIL_CJK =
  /[\u4e00-\u9fa5]{1,6}\s*@\s*[A-Za-z0-9\u4e00-\u9fa5-]+(?:\.[A-Za-z0-9\u4e00-\u9fa5-]+)*\.(?:[A-Za-z]{2,}(?![A-Za-z])|[\u4e00-\u9fa5]{2,4})|(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s*@\s*[A-Za-z0-9\u4e00-\u9fa5-]*[\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5-]*(?:\.[A-Za-z0-9\u4e00-\u9fa5-]+)*\.(?:[A-Za-z]{2,}(?![A-Za-z])|[\u4e00-\u9fa5]{2,4})/g;

// After a number of seven digits or more only these make it a count: 万, 项 and 年 are surnames too.
const COUNT_STRONG = /^\s*(?:件|人|户|元|个|次|条|通|余[件人户元个次条通]|多[件人户元个次条通])/;

// Words after which a number is a count, a year or money, not something to dial.
const COUNT_AFTER =
  /^\s*(?:[次个人件元万亿条户名起通年天月日号岁项场家所批位届期组队米亩吨%‰]|[余多](?:[次个人件元万亿条户名起通年天月日岁项场家所批位届期组队米亩吨]|$)|以上|左右|小时|分钟)/;

// What may stand between a keyword and its number: a short note in brackets (QQ（常用）：), then up to
// three quotes, brackets, dashes or commas (电话——, 电话：【, 加我微信，).
// A note in brackets after the keyword (微信（常用）：, 微信【工作】：), or a second keyword after a slash (微信/电话：).
const NOTE = String.raw`[」』”)\]】]?(?:\s*[(【\[][^()【】\[\]]{0,6}[)】\]])?(?:\s*[/、]\s*(?:电话|手机|号码|QQ|qq|微信|邮箱))?`;
const TAIL = String.raw`[\s"“'(|【\[,\-→>]{0,3}$`;

// A symbol or emoji written where a letter would give the word away (V❤：, V★, 加V💚).
const SYMBOL = String.raw`(?:[\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF]|\uFE0F|[\uD83C-\uD83E][\uDC00-\uDFFF])`;

const KEYWORDS: { kind: PrivacyKind; pattern: RegExp }[] = [
  {
    kind: 'qq',
    pattern: new RegExp(
      String.raw`(?:(?:(?<![A-Za-z])(?:[Qq]\s?[Qq]|Q群|q群|[Qq]号)|扣扣|球球|秋秋|企鹅号?)(?:\s*[,，]?\s*(?:群(?:号码?)?|号码?|邮箱|账号|帐号))?|群号码?)${NOTE}\s*(?:是|为|号码)?\s*[:：]?${TAIL}` +
        String.raw`|(?:(?<![A-Za-z])[Qq]|扣)\s*[:：]${TAIL}|加\s*(?:我\s*)?(?:(?<![A-Za-z])[Qq](?![A-Za-z])|扣扣)\s*[:：]?${TAIL}`,
    ),
  },
  {
    kind: 'wechat',
    pattern: new RegExp(
      String.raw`(?:(?:微[\s.]*信(?:支付|收款)?|薇信|威信|徽信|V信|v信|[微威薇]\s?(?:xin|Xin|XIN)|[微威薇]\s?[xX](?![A-Za-z])|[微威薇]\s*${SYMBOL}+|绿泡泡|(?<![A-Za-z])(?:wechat|WeChat|Wechat|WECHAT|[Ww]ei\s?[Xx]in|WEI\s?XIN|[Vv][Xx]|[Ww][Xx]))(?:\s*(?:号码?|账号|帐号|id|ID))?${NOTE}\s*(?:是|为|同号)?\s*[:：]?` +
        String.raw`|微信搜(?:索|一下|一搜)?|卫星号|(?:加|\+)\s*(?:我\s*)?(?:[威微]|[Vv](?![A-Za-z]))\s*[:：]?|加\s*我\s*[:：]?|(?<![A-Za-z])[Vv]\s*[:：]|(?<![A-Za-z])[Vv]\s*${SYMBOL}+\s*[:：]?)${TAIL}`,
    ),
  },
  {
    kind: 'phone',
    pattern: new RegExp(
      String.raw`(?:电话|手机|座机|传真|热线|短号|小号|号码|联系|值班室|办公室|拨打|致电|来电|电联|(?<![敲殴击攻])打|拨|(?<![A-Za-z])(?:tel|Tel|TEL|fax|Fax|FAX|phone|Phone|PHONE|mobile|Mobile|call|Call|WhatsApp|Whatsapp|whatsapp|WHATSAPP))(?:\s*(?:方式|人|号码?))?${NOTE}(?:\s*(?:是|为))?\s*[:：]?${TAIL}`,
    ),
  },
];

const CARD_KEYWORD = new RegExp(
  String.raw`(?:卡号|银行卡|储蓄卡|信用卡|存折|账号|帐号|账户|帐户|开户行?|收款|转账到?|汇款到?)(?:\s*(?:号码?|是|为))?${NOTE}\s*[:：]?[\s"“'(|【\[,\-]{0,3}[\u4e00-\u9fa5]{0,4}\s*$`,
);

// Accounts on payment and social platforms: 支付宝 wangdaye1980, 抖音号：12345678, 微博：@张三.
const ACCOUNT_KEYWORD = new RegExp(
  String.raw`(?:支付宝|支付寶|钉钉|抖音|快手|微博|小红书|淘宝|闲鱼|拼多多|头条|今日头条|视频号|哔哩哔哩|[Bb]站|电报|邮箱|(?<![A-Za-z])(?:alipay|Alipay|ALIPAY|zfb|ZFB|dingtalk|DingTalk|douyin|Douyin|dy|DY|weibo|Weibo|bilibili|telegram|Telegram|TG|tg|LINE\s?ID|Line\s?ID|line\s?id|Line\s?id|(?:LINE|Line|line)(?=\s*(?:号码?|账号|ID|id)?\s*[:：\-])))(?:\s*(?:号码?|账号|帐号|账户|帐户|ID|id|UID|uid|名|收款))?${NOTE}\s*(?:是|为)?\s*[:：]?[\s"“'(|【\[,\-@]{0,3}$`,
);

// Other identity documents, named as such: passports (E12345678), Hong Kong and Macao ID cards
// (A123456(7)), exit-entry permits (C12345678), Taiwan compatriot permits, driving licences.
const DOCUMENT_KEYWORD = new RegExp(
  String.raw`(?:护照|通行证|身份证|证件|回乡证|台胞证|居住证|驾驶证|驾照|社保卡|医保卡|军官证|士兵证|户口簿|户口本|签证|(?<![A-Za-z])(?:passport|Passport|PASSPORT|ID))(?:\s*(?:号码?|编号|号|No\.?))?${NOTE}\s*(?:是|为)?\s*[:：]?[\s"“'(|【\[,\-]{0,3}$`,
);
// Digits may be grouped by single spaces or dashes (E 1234 5678).
const DOCUMENT_NUMBER = /(?<![A-Za-z0-9])[A-Za-z]{0,2}(?:[ -]?\d){6,18}[A-Za-z]?(?:\(\s*[0-9A-Za-z]\s*\))?(?![A-Za-z0-9])/g;
// Counts of documents: 办理身份证12000张.
const DOCUMENT_COUNT = /^\s*(?:[张本份证]|余|多)/;

// Ids that follow 微信 in ordinary prose and are not accounts.
const NOT_WECHAT_ID = /^(?:wechat|weixin|app|pay|work|official|group|online|mini|web)/i;

/**
 * Which characters of a line a finding already covers. Checking a new span costs its own length, so
 * a line of thousands of findings is read in linear time (comparing each with every earlier finding
 * took minutes on a 200 KB line).
 */
class Coverage {
  private readonly covered: Uint8Array;
  /** Where each phone-like finding ends, to find a second number listed after it. */
  readonly phoneEnds = new Set<number>();
  constructor(length: number) {
    this.covered = new Uint8Array(length + 1);
  }
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i]) return false;
    return true;
  }
  /** Records the span when it overlaps nothing yet; says whether it did. */
  claim(span: Span): boolean {
    if (!this.isFree(span.start, span.end)) return false;
    this.covered.fill(1, span.start, span.end);
    if (span.kind === 'mobile' || span.kind === 'landline' || span.kind === 'phone') this.phoneEnds.add(span.end);
    return true;
  }
}

// A second number listed after a phone number (电话:020-87185119,87185106) is a phone number too.
const LISTED_AFTER = /\s*[,，、;；/或和及]\s*$/;

/**
 * The 16 characters before `start` that a keyword is looked for in, after any run of spaces just
 * before it (电话：          87654321): spaces push the keyword out of sight but not out of the reader's.
 */
function before16(text: string, start: number): string {
  let end = start;
  while (end > 0 && start - end < 40 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(Math.max(0, end - 16), end);
}

function keywordSpans(text: string, coverage: Coverage, allowed: Set<string>): Span[] {
  const spans: Span[] = [];
  const claim = (span: Span) => coverage.claim(span) && spans.push(span);
  // Document numbers right after the document's name: before the phone keywords, as 号码 is one.
  for (const match of text.matchAll(DOCUMENT_NUMBER)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (match[0].replace(/\D/g, '').length < 7 || match[0].replace(/[ -]/g, '').length < 8) continue;
    if (!DOCUMENT_KEYWORD.test(before16(text, start))) continue;
    const after = text.slice(end, end + 4);
    if (COUNT_AFTER.test(after) || DOCUMENT_COUNT.test(after) || allowed.has(match[0])) continue;
    claim({ kind: 'document', start, end });
  }
  // Numbers right after a keyword.
  for (const { groups } of digitRuns(text)) {
    const first = groups[0];
    const before = before16(text, first.start);
    const gap = LISTED_AFTER.exec(before);
    const listed = gap !== null && coverage.phoneEnds.has(first.start - gap[0].length);
    const keyword = listed ? KEYWORDS[2] : KEYWORDS.find((k) => k.pattern.test(before));
    if (!keyword) continue;
    let digits = '';
    let end = first.end;
    for (const g of groups) {
      if ((digits + g.digits).length > 12) break;
      digits += g.digits;
      end = g.end;
    }
    const after = text.slice(end, end + 4);
    if (digits.length < 7 ? COUNT_AFTER.test(after) : COUNT_STRONG.test(after)) continue;
    if (digits.length < 5) continue;
    if (keyword.kind === 'qq' && digits.length > 11) continue;
    if (allowed.has(digits) || allowed.has(digits.replace(/^0(?:10|2\d|[3-9]\d{2})/, ''))) continue;
    claim({ kind: keyword.kind, start: first.start, end });
  }
  // A card or account number named as such, whatever its check digit: 卡号 6228 4800 0000 0000 001.
  for (const { groups } of digitRuns(text)) {
    const before = before16(text, groups[0].start);
    if (!CARD_KEYWORD.test(before)) continue;
    const digits = groups.map((g) => g.digits).join('');
    const end = groups[groups.length - 1].end;
    if (digits.length >= 12 && digits.length <= 19 && !allowed.has(digits)) claim({ kind: 'bankcard', start: groups[0].start, end });
  }
  // WeChat ids made of letters: 6–20 characters, starting with a letter. A dash after a keyword is a
  // separator (微信号——wang_abc123, vx——wang_abc123), one between letters or digits part of the id.
  for (const match of text.matchAll(/(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)[A-Za-z](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_])){5,19}(?![A-Za-z0-9_-])/g)) {
    const start = match.index!;
    const before = before16(text, start);
    if (!KEYWORDS[1].pattern.test(before) || NOT_WECHAT_ID.test(match[0])) continue;
    claim({ kind: 'wechat', start, end: start + match[0].length });
  }
  // Ids on other platforms, letters or digits.
  for (const match of text.matchAll(
    /(?<![A-Za-z0-9_.]|[A-Za-z0-9_.]-)[A-Za-z0-9](?:[A-Za-z0-9_.]|-(?=[A-Za-z0-9_.])){4,29}(?![A-Za-z0-9_-])/g,
  )) {
    const start = match.index!;
    const id = match[0].replace(/\.+$/, '');
    if (!ACCOUNT_KEYWORD.test(before16(text, start))) continue;
    claim({ kind: 'account', start, end: start + id.length });
  }
  // Handles in any script after @ (微博：@张三不是李四, 抖音：@乡村振兴老张).
  for (const match of text.matchAll(/@[^\s@,，。、;；:：!！?？()（）"“”'‘’]{2,20}/g)) {
    const start = match.index!;
    const before = before16(text, start);
    const kind = ACCOUNT_KEYWORD.test(before) ? 'account' : KEYWORDS[1].pattern.test(before) ? 'wechat' : undefined;
    if (kind) claim({ kind, start, end: start + match[0].length });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Addresses

// Bounded, and never starting inside a longer run, so a line of 100 000 digits is read in linear time.
const NUM =
  '(?:第\\s*)?(?:(?<!\\d)\\d{1,5}|(?<![零〇一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰])[零〇一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰]{1,6})';
// Each shape with what any match of it must contain (a necessary condition, tested first: most lines
// with a number hold no address word, and the shapes' lookbehinds are slow to run over a whole line).
const ADDRESS: [needs: RegExp, pattern: RegExp][] = [
  // 3栋2单元301室, 三栋二单元, 5号楼1单元, 3幢502室
  [/[栋幢座楼]/, new RegExp(`${NUM}\\s*(?:栋|幢|号楼|座)\\s*(?:${NUM}\\s*(?:单元|层|楼)\\s*)?${NUM}\\s*(?:单元|室|号|房)`, 'g')],
  // 18号楼301, 3栋502, 18#楼602, 18#602 (a room number straight after the building)
  [
    /[栋幢楼#]/,
    new RegExp(
      `${NUM}\\s*(?:栋|幢|号楼|#\\s*楼?)\\s*(?:\\d{3,4}(?![\\d年月日元个人户次名%平米亩万千吨])|[零〇一二三四五六七八九幺洞]{3,4}(?![零〇一二三四五六七八九十百千万亿幺洞年月日元个人户次名层楼]))`,
      'g',
    ),
  ],
  // 2单元301室, 二单元502
  [
    /单元/,
    new RegExp(
      `${NUM}\\s*单元\\s*(?:${NUM}\\s*(?:室|号|房|户)|\\d{3,4}(?!\\d)|[零〇一二三四五六七八九幺洞]{3,4}(?![零〇一二三四五六七八九十百千万亿幺洞]))`,
      'g',
    ),
  ],
  // 2楼201室
  [/室/, new RegExp(`${NUM}\\s*(?:楼|层)\\s*\\d{3,4}\\s*室`, 'g')],
  // 人民路88号, 解放大街 12 号, 中山路八十八号, 建设路45-3号, 建设路一段45号, 建设路南120号,
  // 郭守敬路88弄12号 (but not 1号文件 or 号召)
  [
    /[路街巷弄里]|大道|胡同/,
    new RegExp(
      `(?<=[\\u4e00-\\u9fa5])(?:路|街|巷|弄|里|大道|胡同)\\s*(?:[东南西北中]段?\\s*)?(?:${NUM}\\s*[段弄]\\s*)?${NUM}\\s*(?:[之-]\\s*${NUM}\\s*)?(?:号(?![文令召称线公])|#|-\\s*\\d+\\s*-\\s*\\d{3,4}(?![\\d年月日]))`,
      'g',
    ),
  ],
  // 新村3排5号, 十一区12楼3门401
  [/[排门]/, new RegExp(`${NUM}\\s*排\\s*${NUM}\\s*号(?![文令召称线公])|${NUM}\\s*(?:号?楼|栋|幢)\\s*${NUM}\\s*门\\s*\\d{3,4}`, 'g')],
  // 住在502室, 住5-2-301, 家住3、2、401
  [
    /住/,
    new RegExp(
      `(?:(?<![入租留常暂包食居])住|居住)(?:在|址|于)?\\s*[:：]?\\s*(?:\\d{3,4}\\s*室|(?<!\\d)\\d{1,3}\\s*([-/.、，,])\\s*\\d{1,3}\\s*\\1\\s*\\d{3,4}(?!\\d))`,
      'g',
    ),
  ],
  // B栋1201, A 座 1201, 8号楼八层802
  [/[栋座幢楼]/, new RegExp(`(?:[A-Za-z]\\s*(?:栋|座|幢)|号楼\\s*${NUM}\\s*(?:层|楼))\\s*\\d{3,4}(?![\\d年月日元个人户次名%])`, 'g')],
  // 门牌号：128号
  [/门牌/, new RegExp(`门牌(?:号码?)?\\s*[:：是为]?\\s*${NUM}\\s*号?`, 'g')],
  // 三组12号, 张家村18号, 三组第12户
  [/[村组屯庄]/, new RegExp(`(?:村|组|屯|庄)\\s*(?:${NUM}\\s*号(?![文令召称线公])|第\\s*\\d+\\s*户)`, 'g')],
  // 家住新华村三组12户, 住在新华巷子128号, 住光明里12栋4层, 家住张家湾村2组: where someone lives, down to
  // a number. The number must follow the place word at once, so 住在村里的有32户 is a count, not a home.
  [
    /住|家在|地址|户籍地/,
    new RegExp(
      `(?:家住|家在|住址|住在|现住|地址|户籍地|(?<![入租留常暂包食居])住(?![户房院建宅宿]))\\s*[:：]?[^，。；;,、\\s]{0,20}?(?:村|组|屯|庄|路|街|巷子?|里|弄|胡同|小区|花园|公寓|家园|苑|院|段|楼|大厦|区)\\s*(?:${NUM}\\s*(?:号楼?|户|组|栋|幢|层|室|单元)|(?<!\\d)\\d{3,5}\\s*楼(?![层道梯]))`,
      'g',
    ),
  ],
  // 阳光小区3-2-301, 幸福小区3#2-301, 幸福家园18-1802, 幸福小区3/2/401
  [
    /小区|花园|公寓|新村|家园|苑|大厦/,
    new RegExp(
      `(?:小区|花园|公寓|新村|家园|苑|大厦)\\s*\\d+\\s*(?:[-#]\\s*\\d+(?:\\s*-\\s*\\d+)?|([/.、，,])\\s*\\d+\\s*\\1\\s*\\d{3,4}(?!\\d))`,
      'g',
    ),
  ],
];

// Every address shape above ends in one of these: a line without any is passed over.
// A home given as 家住3、2、401 ends in none of them but follows 住.
const ADDRESS_END = /[室号房元户组栋幢层楼门座排牌#/.-]|[住区园苑][^。；;]{0,8}\d[、，,]/;

function addressSpans(text: string, coverage: Coverage): Span[] {
  const spans: Span[] = [];
  if (!ADDRESS_END.test(text)) return spans;
  for (const [needs, pattern] of ADDRESS) {
    if (!needs.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      let start = match.index!;
      const end = start + match[0].length;
      // Show the road's name with its number: up to four Chinese characters before 路/街.
      if (/^(?:路|街|巷|弄|大道|胡同)/.test(match[0])) start -= /[\u4e00-\u9fa5]{0,4}$/.exec(text.slice(0, start))![0].length;
      const span: Span = { kind: 'address', start, end };
      if (coverage.claim(span)) spans.push(span);
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------

// Traditional forms of the surnames, words of address and plate provinces, one character for one
// (the index of each in TRADITIONAL_FROM is that of its simplified form in TRADITIONAL_TO).
const TRADITIONAL_FROM =
  '張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔錢嚴湯喬羅蔣餘範萬溫龐蘭塗魯關齊歐陽諸遲長爺媽嬸嬤漢師闆滬遼贛晉陝閩貴粵寧瓊雲薑號樓單棟層門區';
const TRADITIONAL_TO =
  '张刘陈杨黄赵吴孙马郑谢许韩冯邓萧叶苏吕卢钟谭陆贾韦邹闫龙贺顾龚钱严汤乔罗蒋余范万温庞兰涂鲁关齐欧阳诸迟长爷妈婶嬷汉师板沪辽赣晋陕闽贵粤宁琼云姜号楼单栋层门区';
const TRADITIONAL: Record<string, string> = Object.fromEntries([...TRADITIONAL_FROM].map((c, i) => [c, TRADITIONAL_TO[i]]));
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');
const simplified = (text: string) => text.replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c]);

// A private resident named: by surname or name and a word of address (李大妈, 王景云大爷, 欧阳大爷,
// 张先生), or by name after a word for a private person (村民王小明, 低保户孙有才, 村民老王). The
// content rules name private residents only by role; officials may be named, but never by these words.
// X某 is the sources' own anonymity and passes, and so does a plural without a surname (大妈们 is
// everyone). A surname character is also the tail or head of common words (提高大爷, 浙江大妈, 谢谢大爷,
// 许多大妈, 群众高兴, 村民方便了, 小程序, 老方法): the platform's word segmenter (ICU, as in the
// search) decides, and a surname counts only where it stands as a word of its own. 向, 万, 管 and 田 are
// left out: before 大妈 they are nearly always "to", 上万, 宿管 and 种田, which the segmenter does not
// know. Traditional characters are read as simplified (張大爺). Read as possible names, for the editor
// to confirm: 老王 and 小李, a one-character word of address (刘姐, 王哥), and 李老师 or 刘大夫, who
// may hold an office; after a word for a private person they are certain (村民老王, 居民刘姐).
const ADDRESS_TERMS =
  '大爷|大爹|大妈|大娘|大叔|大婶|大嫂|大伯|大哥|大姐|阿姨|阿婆|阿公|阿伯|阿叔|阿嬷|奶奶|爷爷|婆婆|姥姥|姥爷|外婆|外公|叔叔|伯伯|婶婶|婶子|' +
  '嬢嬢|孃孃|老汉|老伯|老爹|老太太|老太|老爷子|嫂子|小妹|师傅|先生|女士|老板娘|老板|[二三四五六幺][叔婶伯]';
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|皇甫|令狐|慕容|司徒|夏侯|尉迟|公孙|长孙|宇文|南宫|端木|独孤';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤康易乔常温葛庞樊兰殷施牛洪季辛祝左涂谷詹苗鲁包柳甘邢关裴岳齐申柯靳冉鲍褚阮翟倪滕岑蔺聂晏邬卞';
/** Words for a private person, after which a name may be a resident's (居民李秀英说). */
const PRIVATE_ROLES =
  '村民|居民|群众|邻居|农民|农户|养殖户|种植户|种粮户|市民|业主|住户|租户|贫困户|脱贫户|低保户|五保户|困难户|特困户|残疾人|老人|孤寡老人|独居老人|留守老人|空巢老人|留守儿童|信访人|上访户|当事人|患者|家属|' +
  // People with no office, as case texts name them (a red-team pass, 2026-12-03), and the labels
  // of a form or an interview note (受访人：陈桂兰).
  '群众代表|村民代表|居民代表|退休党员|退休老党员|退休职工|快递员|快递小哥|外卖员|外卖小哥|环卫工人|环卫工|返乡青年|商户|个体户|摊主|店主|牧民|渔民|务工人员|农民工|' +
  '监测户|建档立卡户|拆迁户|被拆迁户|退役军人|果农|菜农|' +
  // Family members are private whoever they belong to (她儿子王小明说).
  '儿子|女儿|儿媳|女婿|孙子|孙女|外孙|外孙女|妻子|丈夫|老伴|爱人|老公|老婆|媳妇|父亲|母亲|' +
  '姓名|受访人|受访者|受访对象|访谈对象|被访人|被访者|采访对象|调查对象|来访人|来访者|求助人|求助者|投诉人|举报人|帮扶对象|救助对象|走访对象|结对对象|服务对象|申请人|户主';
const SURNAME = `(?:${COMPOUND_SURNAMES}|[${SURNAMES}])`;
// Zero-width lookaheads: every start is tried, so 谢谢王大爷 still finds 王大爷 after 谢谢 is passed over.
// A plural with a surname still names someone (李大妈们几个: 李大妈 and the others with her).
const RESIDENT_ADDRESSED = new RegExp(`(?=(${SURNAME})[ \u3000]?([\u4e00-\u9fff]{0,2}?)[ \u3000]?(?:${ADDRESS_TERMS}))`, 'g');
// 老王, 小李: a surname after 老 or 小, as neighbours name each other.
const FAMILIAR = new RegExp(`(?=([老小])(${SURNAME}))`, 'g');
/** Words of that shape that name no one (小康 is the Party's word for a modestly well-off society; 小于 is "less than"). */
const NOT_FAMILIAR = new Set(['小康', '小于', '老于', '小牛', '老牛', '小包', '小苗', '小叶', '小孔', '小白', '老白', '老汤', '小钱']);
/** …and longer words that begin like one, which the segmenter may cut after the surname (老|黄|牛). */
const NOT_FAMILIAR_HEAD = /^(?:老黄牛|老黄历|老白干|老陈醋|小白菜|小白兔|小马扎|小马驹|小马过河|小黄鱼|小黄车|小龙虾|小金库|小叶榕|小高层)/;
// A place named after a family (小林村, 老王庄), not a person.
const PLACE_AFTER = /^[村庄屯寨湾营铺集沟坡岭桥寺镇乡街路巷里区县市州山河湖岛]/;
/** True when `text.slice(start, end)` (老王, 小钱…) is a word or the head of one, or names a place, not a person. */
const familiarWord = (text: string, start: number, end: number) =>
  NOT_FAMILIAR.has(text.slice(start, end)) || NOT_FAMILIAR_HEAD.test(text.slice(start)) || PLACE_AFTER.test(text.slice(end));
/** A verb of speaking right after a name: 村民王芳说, 居民李强反映. */
const SPEECH_AFTER = /^(?:说|讲|告诉|反映|表示|介绍|回忆|感慨|感叹|坦言|直言|笑称|笑着说|说起|谈起|提起)/;
/** Names of two a list before a verb of speaking may hold after the first (bounded: linear time). */
const LIST_MAX_SHORT = 10;
// Names of two listed after the first, up to a verb of speaking (村民王芳、李强反映, 村民王芳与李强说; not 王芳和李强, where the dictionary reads 芳和 as a word).
const SHORT_LIST_NAME = `[、，,和与及][ \u3000]?((?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\u4e00-\u9fff])`;
const SHORT_LIST_ITEM = new RegExp(`^${SHORT_LIST_NAME}`);
const SHORT_LIST_SPEECH = new RegExp(
  `^(?:${SHORT_LIST_NAME}){1,${LIST_MAX_SHORT}}(?=(?:等人|等|都|也|纷纷|一起)?${SPEECH_AFTER.source.slice(1)})`,
);
// What follows a person named in a sentence (村民老王说, 居民小李家): only then is a name after a role
// certain; before anything else (老人小马扎) it stays a possible name.
const PERSON_AFTER =
  /^(?:$|[^\u4e00-\u9fff]|[说讲道告问答家的是也就又还都在和与跟同对把被给让叫请帮等们头了过来去到看找听笑想要会能拿带领一两几每已住]|主动|反映|表示|介绍|回忆|感慨|激动|独自|一直|已经|常年|今年|去年|多次|曾经|亲自|总是|从来|终于|连续|专门|特意)/;
// 刘姐, 王哥, 张叔: a surname and a one-character word of address; and 李老师, 刘大夫, whose holder may
// be acting in office (a village doctor, a school's teacher) or may be a private person; 李总, a firm's head.
const SHORT_TERMS = '[姐哥叔婶姨伯嫂总]|老师|大夫|医生|律师|护士|教授|会计';
const RESIDENT_SHORT = new RegExp(`(?=(${SURNAME})[ \u3000]?(${SHORT_TERMS}))`, 'g');
/** A name of that shape that is history's, not a resident's: 江姐, the martyr 江竹筠. */
const NOT_SHORT = new Set(['江姐']);
/** Cheap tests first: the three readings below scan every position of a line, and few lines hold either shape. */
const FAMILIAR_ANY = new RegExp(`[老小](?:${SURNAME})`);
// The word of address first: a scan that starts at each of 200 surnames is slower than one that looks back from a term.
const SHORT_ANY = new RegExp(`(?<=(?:${SURNAME})[ \u3000]?)(?:${SHORT_TERMS})`);
// A role word, maybe followed by a nickname in quotes (居民“胖婶”杨翠花), before the name.
const QUOTED_NICKNAME = `(?:[“"「‘'][^”"」’'\n]{1,6}[”"」’'][ \u3000]?)?`;
// A label may carry a note in brackets and end in a colon, a dash or a slash (申请人（本人或代理人签字）：,
// 受访人—), and a name may stand in brackets after its role (村民〔王桂兰〕反映).
const ROLE_END = `(?:[（(〔\\[][^）)〕\\]]{0,10}[）)〕\\]])?(?:[：:—/\\-（(〔【\\[]|名叫|叫)?[ \u3000]?`;
const AFTER_ROLE = `(?<=(?:${PRIVATE_ROLES})${ROLE_END}${QUOTED_NICKNAME})`;
// After a word for a private person, 老王 or 刘姐 is a resident for certain (村民老王说).
const ROLED_SHORT = new RegExp(`${AFTER_ROLE}(?=([老小])(${SURNAME})|(${SURNAME})([姐哥叔婶姨伯嫂]))`, 'g');
const RESIDENT_ROLED = new RegExp(`${AFTER_ROLE}(?=(${SURNAME})([\u4e00-\u9fff]{1,2}))`, 'g');
const TERM_AT_START = new RegExp(`^[ \u3000]?(?:${ADDRESS_TERMS})`);
/** What the word of address is, at the end of a finding (李大妈 → 大妈), for the Word import. */
const ADDRESS_AT_END = new RegExp(`(?:${ADDRESS_TERMS})$`);
/** A line that may address a resident (the refused reading needs a word of address; 爺 and friends: its traditional spellings). */
const MAY_HOLD_RESIDENT = new RegExp(
  `${ADDRESS_TERMS}|[爺媽嬸師闆]|[老小][${SURNAMES}${TRADITIONAL_FROM}]|(?<=[${SURNAMES}${TRADITIONAL_FROM}][ \u3000]?)(?:${SHORT_TERMS}|老師|醫生|律師|護士|會計)`,
);
/** The same for the hints, which also read names after a role. */
/**
 * Words before a name that may be a resident's or a public figure's (老党员袁午寅, a villager; 老党员谷文昌,
 * a model the whole country studies): the name is offered to the editor as a hint, not refused.
 */
const HINT_ROLES = '老党员|老同志|志愿者|老乡';
const RESIDENT_HINTED = new RegExp(`(?<=(?:${HINT_ROLES})[ \u3000]?)(${SURNAME})([\u4e00-\u9fff]{2})`, 'g');
const MAY_HOLD_ROLE = new RegExp(`${PRIVATE_ROLES}|${HINT_ROLES}`);
/**
 * A contact person's name after 联系人 (联系人：李志明, 联系人为王建国): a contributor's contact line,
 * which no entry publishes whoever the person is. Only after a colon or 为/是, since 联系人 is also a
 * role in prose (校外培养联系人的社区书记, 要求联系人按…).
 */
const CONTACT = new RegExp(`联系人\\s*(?:[：:]|为|是)\\s*(${SURNAME}[\\u4e00-\\u9fff]{1,2})`, 'g');

/** A line that may name a resident after a role (村民王小明, 居民孫秀英, 贫困户赵 德 顺), for the refused reading. */
const MAY_HOLD_ROLED = new RegExp(
  `(?:${PRIVATE_ROLES})${ROLE_END}${QUOTED_NICKNAME}(?:${SURNAME}|[${TRADITIONAL_FROM}])|(?:${PRIVATE_ROLES})${ROLE_END}[“"「『《‘'](?:${SURNAME})|[（(【][^）)】]{0,12}?(?:${PRIVATE_ROLES})|等[一二三四五六七八九十百余多几\\d]{0,4}[名位户个人]?[\u4e00-\u9fff]{0,2}?(?:${PRIVATE_ROLES})`,
);
/** A name in quotes right after a role (村民“陈桂兰”说): the quotes are no nickname here, they hold the name. */
const ROLED_QUOTED = new RegExp(`(?<=(?:${PRIVATE_ROLES})${ROLE_END}[“"「『《‘'])(${SURNAME})([\u4e00-\u9fff]{1,2})(?=[”"」』》’'])`, 'g');
/**
 * A name with its role after it in brackets (王桂兰（低保户）, 陈桂兰（女，68岁，低保户）). The role closes the
 * bracket: one that goes on (江堤（村民投工投劳）) describes a thing.
 */
const NAME_THEN_ROLE = new RegExp(
  `(${SURNAME})([\u4e00-\u9fff]{1,2})(?=[ \u3000]?[（(【](?:[^（(【）)】]{0,10}[，,、；;])?(?:${PRIVATE_ROLES})[）)】])`,
  'g',
);
/** A full name right before 老人 or 老奶奶, 老大爷, 老汉… (王桂兰老人): an elderly resident, named. */
const ELDER = '老人|老奶奶|老大爷|老大娘|老太太|老爷爷|老汉';
const NAME_ELDER = new RegExp(`(${SURNAME})([\u4e00-\u9fff]{2})(?=${ELDER})`, 'g');
const MAY_HOLD_ELDER = new RegExp(ELDER);
/** A count of residents after 等, before their role (等村民, 等3户村民, 等十余户贫困群众). */
const BEFORE_ROLE = new RegExp(`等[一二三四五六七八九十百余多几\\d]{0,4}[名位户个人]?[\u4e00-\u9fff]{0,2}?(?:${PRIVATE_ROLES})`, 'g');
/** The full names listed just before it (王德福、李秀英等村民), read in a bounded stretch so a long list costs no more than a short one. */
const NAMES_BEFORE = new RegExp(`(?:(?:${SURNAME})[\u4e00-\u9fff]{2}[、，,和及与；;/])*(?:${SURNAME})[\u4e00-\u9fff]{2}[、，,]?$`);
/** The names of a list, one at a time from `lastIndex` (sticky): a separator, then a full name. */
const LISTED_NAME = new RegExp(`[、，,和及与；;/][ \u3000]?(${SURNAME})([\u4e00-\u9fff]{2})`, 'y');
const SURNAME_AT_START = new RegExp(`^(?:${SURNAME})`);
/** At most this many names are read from the lists of one line: each is reported, and a line of thousands would flood the report. */
const LIST_MAX = 30;
// Characters of a place or a masked name, not of a given name before a word of address (江边大爷, 张某大妈).
const NOT_GIVEN = /[某边头口里上下前后左右东西南北中内外家村街路院楼店门旁们的]/;
// Characters a given name does not start or end with: a verb or particle after the name (王芳说, 王在).
const NOT_NAME_START = /[说讲道的地得们在和与是也都就把被给对向从到让将又还已曾去来等称反提表]/;
// A term's suffix, never the end of a given name (常态化, 积极性).
const TERM_SUFFIX = /[化性度率者员型式感力界区制法点面线网站户村组队]/;
const NOT_NAME_END = /[说讲道的地得家们在和与是也都就把被给对向从到让将又还已曾去来有等称反提表]/;

const wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/**
 * True when `text.slice(start, end)` stands as a word of its own (a segment begins at `start` and
 * one ends at `end`), read in a window around it. Without a segmenter (very old browsers) every
 * candidate counts: the build, which runs in Node, decides.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  if (!wordSegmenter) return true;
  const from = Math.max(0, start - 6);
  const window = text.slice(from, Math.min(text.length, end + 6));
  let startsHere = false;
  for (const { index, segment } of wordSegmenter.segment(window)) {
    const at = from + index;
    if (at === start) startsHere = true;
    if (at < start && at + segment.length > start) return false;
    if (at < end && at + segment.length > end) return false;
    if (at >= end) break;
  }
  return startsHere;
}

/**
 * Residents named in a line, by the two readings: `sure`, a surname right before a word of address
 * (李大妈), or a name after a word for a private person and before what follows a person in a
 * sentence (村民王小明说, 居民老王反映): refused; `maybe`, a full name before a word of address
 * (王景云大爷), a name after a role word before anything else (低保户孙有才因病), where the given
 * name is any one or two characters and the segmenter's dictionary is too small to rule out every
 * word (关爱大妈 and 群众常态化 read as names), and 老王, 小李, 刘姐, 李老师, who may be officials:
 * a hint the editor confirms.
 */
function residentCandidates(raw: string): { sure: Span[]; maybe: Span[] } {
  const text = simplified(raw);
  const found = readResidents(text);
  // A name with its office beside it (村民代表王德福（村委会主任）, 群众代表杨书记) is an official's, who may be named;
  // 于 before a time (监测户于今年6月) is a preposition, not the surname.
  const person = (s: Span) =>
    !IN_OFFICE.test(text.slice(s.end, s.end + 24)) &&
    !OFFICE_NAME.test(text.slice(s.start, s.end)) &&
    !PREPOSITION_YU.test(text.slice(s.start, s.end));
  // A hint stays a hint (李老师 may hold an office or not: the editor decides), but for 于 before a time.
  return { sure: found.sure.filter(person), maybe: found.maybe.filter((m) => !PREPOSITION_YU.test(text.slice(m.start, m.end))) };
}

/** An office in brackets right after a name, or a surname and an office (杨书记), which names an official, not a resident. */
const OFFICES =
  '书记|副书记|支书|主任|副主任|委员|主席|总理|总书记|委员长|省长|州长|村长|组长|镇长|乡长|县长|市长|区长|局长|所长|站长|队长|部长|科长|社长|院长|校长|厂长|会长|河长|楼长|网格长|理事长|董事长|经理|总经理|法定代表人|干部|专干|助理|会计|文书|负责人|村医|医生|老师|民警|法官|检察官';
// …or after a comma (受访人：李德福，村党支部书记).
const IN_OFFICE = new RegExp(
  `^[ \u3000]?(?:[（(【][^）)】]{0,12}?(?:${OFFICES})[^）)】]{0,6}[）)】]|[，,][^，,。；;：:（(]{0,12}?(?:${OFFICES})(?=[，,。；;）)]|$))`,
);
const PREPOSITION_YU = /^于(?:今|去|明|当|凌|上|下|中|晚|早|每|本|近|次|前|后|昨|年|月|日|\d)/;
const OFFICE_NAME = new RegExp(`^(?:${COMPOUND_SURNAMES}|[${SURNAMES}])(?:${OFFICES})$`);

/**
 * 常 before a verb or a common word is an adverb or part of a word (母亲常念叨, 常看望老人, 常委, 常态),
 * not the surname: a red-team pass (2026-12-03) found these refused after the family words were added.
 */
const ADVERB_CHANG =
  /^常(?:念|唠|叮|抱|说|讲|去|来|回|见|看|走|年|备|用|想|做|帮|问|与|和|跟|给|把|被|在|到|驻|住|态|规|委|务|设|识|有|是|会|要|能|常|怀|记|听)/;

function readResidents(text: string): { sure: Span[]; maybe: Span[] } {
  const sure: Span[] = [];
  const maybe: Span[] = [];
  for (const m of text.matchAll(RESIDENT_ADDRESSED)) {
    const start = m.index!;
    const surnameEnd = start + m[1].length;
    const given = m[2];
    const gap = text.slice(surnameEnd).match(/^[ \u3000]?/)![0].length;
    const givenEnd = surnameEnd + gap + given.length;
    const term = TERM_AT_START.exec(text.slice(givenEnd))![0];
    const end = givenEnd + term.length;
    // The surname, the given name (if any) and the word of address each stand as words.
    if (!standsAlone(text, start, surnameEnd)) continue;
    if (given && (NOT_GIVEN.test(given) || !standsAlone(text, surnameEnd + gap, givenEnd))) continue;
    if (!standsAlone(text, end - term.trimStart().length, end)) continue;
    // A plural names a group; with a surname alone it still names her (李大妈们), but a longer stretch
    // before it is a description more often than a name (白发阿姨们).
    if (given && text[end] === '们') continue;
    (given ? maybe : sure).push({ kind: 'resident', start, end });
  }
  // A full name before the word of address whose last character is a surname too (王桂兰大妈: 兰大妈 is sure)
  // is refused whole, so the report names the whole name and removing it leaves no 王桂 behind.
  for (const [i, s] of sure.entries()) {
    const whole = maybe.findIndex((m) => m.end === s.end && m.start < s.start);
    if (whole >= 0) [sure[i]] = maybe.splice(whole, 1);
  }
  // The readings after a role look back from every position: only where a role stands before a surname (or a list or bracket names one).
  const roled = MAY_HOLD_ROLED.test(text);
  for (const m of roled ? text.matchAll(RESIDENT_ROLED) : []) {
    const start = m.index!;
    if (ADVERB_CHANG.test(text.slice(start, start + 2))) continue;
    const surnameEnd = start + m[1].length;
    const given = m[2];
    // A name of two (村民王芳说): a surname and one character are too often a word the segmenter does
    // not know (留守儿童关爱、…), so only right before a verb of speaking is it a name, and there it
    // is read first (村民谢婷坦言 is 谢婷, not 谢婷坦). Each must stand as a word of its own: where
    // the dictionary makes the two one word it is nearly always a word (马上, 石头, 孙子), and a name
    // it knows passes.
    const short = surnameEnd + 1;
    const listed = SHORT_LIST_SPEECH.exec(text.slice(short));
    if (
      // Before a verb of speaking (村民王芳说), or the first of a list of such names that ends in one
      // (村民王芳、李强反映), or alone after a label's colon (帮扶对象：王芳，…).
      (SPEECH_AFTER.test(text.slice(short)) ||
        listed ||
        (/[：:—/-][ \u3000]?$/.test(text.slice(Math.max(0, start - 2), start)) && !/^[\u4e00-\u9fff]/.test(text.slice(short)))) &&
      !given.includes('某') &&
      !NOT_NAME_START.test(given[0]) &&
      !TERM_SUFFIX.test(given[0]) &&
      standsAlone(text, start, surnameEnd) &&
      standsAlone(text, surnameEnd, short)
    ) {
      sure.push({ kind: 'resident', start, end: short });
      // The other names of two in that list, each standing as a word of its own (not 马上).
      for (let at = short, item = listed?.[0] ?? ''; item;) {
        const name = SHORT_LIST_ITEM.exec(item);
        if (!name) break;
        const nameStart = at + name[0].length - name[1].length;
        const surnameLength = SURNAME_AT_START.exec(name[1])![0].length;
        if (NOT_NAME_START.test(name[1][surnameLength]) || TERM_SUFFIX.test(name[1][surnameLength])) break;
        if (
          !standsAlone(text, nameStart, nameStart + surnameLength) ||
          !standsAlone(text, nameStart + surnameLength, nameStart + name[1].length)
        )
          break;
        sure.push({ kind: 'resident', start: nameStart, end: nameStart + name[1].length });
        at += name[0].length;
        item = item.slice(name[0].length);
      }
      continue;
    }
    // A full name of three characters, where a term's suffix (常态化) is no given name.
    if (
      given.length === 2 &&
      !given.includes('某') &&
      !NOT_NAME_START.test(given[0]) &&
      !NOT_NAME_END.test(given[1]) &&
      !TERM_SUFFIX.test(given[1]) &&
      standsAlone(text, start, surnameEnd) &&
      standsAlone(text, surnameEnd, surnameEnd + 2)
    ) {
      const end = surnameEnd + 2;
      // Followed by what follows a person in a sentence (村民王小明主动…, 低保户陈桂兰的…), it is a name.
      (PERSON_AFTER.test(text.slice(end)) ? sure : maybe).push({ kind: 'resident', start, end });
    }
  }
  /** A surname and two characters that read as a full name here (not 常态化, not 马上去). */
  const fullName = (start: number, surname: string, given: string) =>
    given.length === 2 &&
    !ADVERB_CHANG.test(surname + given) &&
    !given.includes('某') &&
    !NOT_GIVEN.test(given) &&
    !NOT_NAME_START.test(given[0]) &&
    !NOT_NAME_END.test(given[1]) &&
    !TERM_SUFFIX.test(given[1]) &&
    standsAlone(text, start, start + surname.length);
  if (MAY_HOLD_ELDER.test(text))
    for (const m of text.matchAll(NAME_ELDER))
      if (fullName(m.index!, m[1], m[2]) && standsAlone(text, m.index! + m[1].length, m.index! + m[0].length))
        sure.push({ kind: 'resident', start: m.index!, end: m.index! + m[0].length });
  if (roled) {
    for (const m of text.matchAll(ROLED_QUOTED)) {
      const start = m.index!;
      if (!m[2].includes('某') && standsAlone(text, start, start + m[1].length))
        sure.push({ kind: 'resident', start, end: start + m[1].length + m[2].length });
    }
    for (const m of text.matchAll(NAME_THEN_ROLE)) {
      // With its role in brackets right after it, a name of two (王芳（低保户）) is as sure as one of three.
      const two =
        m[2].length === 1 &&
        !NOT_GIVEN.test(m[2]) &&
        !NOT_NAME_START.test(m[2]) &&
        !TERM_SUFFIX.test(m[2]) &&
        standsAlone(text, m.index!, m.index! + m[1].length);
      if (two || fullName(m.index!, m[1], m[2])) sure.push({ kind: 'resident', start: m.index!, end: m.index! + m[0].length });
    }
    const found = new Set(sure.map((f) => f.start));
    const add = (start: number, end: number) => {
      if (found.has(start)) return false;
      found.add(start);
      sure.push({ kind: 'resident', start, end });
      return true;
    };
    for (const m of text.matchAll(BEFORE_ROLE)) {
      const from = Math.max(0, m.index! - LIST_MAX * 4);
      const list = NAMES_BEFORE.exec(text.slice(from, m.index!));
      if (!list) continue;
      let at = from + list.index;
      for (const name of list[0].split(/([、，,和及与；;/])/)) {
        const surname = SURNAME_AT_START.exec(name)?.[0] ?? '';
        if (surname && name.length === surname.length + 2 && fullName(at, surname, name.slice(surname.length))) add(at, at + name.length);
        at += name.length;
      }
    }
    // The names listed after one found after a role (村民陈桂兰、王德福、李秀英三户).
    let listed = 0;
    for (let i = 0; i < sure.length && listed < LIST_MAX; i++) {
      LISTED_NAME.lastIndex = sure[i].end;
      for (let next = LISTED_NAME.exec(text); next && listed < LIST_MAX; next = LISTED_NAME.exec(text), listed++) {
        const start = LISTED_NAME.lastIndex - next[1].length - next[2].length;
        if (!fullName(start, next[1], next[2]) || !add(start, LISTED_NAME.lastIndex)) break;
      }
    }
  }
  if (MAY_HOLD_ROLE.test(text))
    for (const m of text.matchAll(RESIDENT_HINTED)) {
      const start = m.index!;
      if (fullName(start, m[1], m[2])) maybe.push({ kind: 'resident', start, end: start + m[1].length + 2 });
    }
  const familiar = FAMILIAR_ANY.test(text);
  const short = SHORT_ANY.test(text);
  if (!familiar && !short) return { sure, maybe };
  // 老王 and 小李: 老 or 小 and the surname stand as words, or make one together (老王); 小程序 does not.
  for (const m of familiar ? text.matchAll(FAMILIAR) : []) {
    const start = m.index!;
    const end = start + 1 + m[2].length;
    if (familiarWord(text, start, end)) continue;
    if (!standsAlone(text, start, end)) continue;
    if (!standsAlone(text, start + 1, end) && !isOneWord(text, start, end)) continue;
    maybe.push({ kind: 'resident', start, end });
  }
  // 刘姐, 李老师: the surname and the word of address each stand as a word (not 刘姐妹, not 江姐).
  for (const m of short ? text.matchAll(RESIDENT_SHORT) : []) {
    const start = m.index!;
    const surnameEnd = start + m[1].length;
    const gap = text.slice(surnameEnd).match(/^[ \u3000]?/)![0].length;
    const end = surnameEnd + gap + m[2].length;
    // A surname character said twice is a word, not a name (林林总总).
    if (NOT_SHORT.has(text.slice(start, end)) || text[start - 1] === text[start]) continue;
    if (!standsAlone(text, start, surnameEnd) || !standsAlone(text, surnameEnd + gap, end)) continue;
    maybe.push({ kind: 'resident', start, end });
  }
  // After a word for a private person, either is a resident for certain (村民老王说, 居民刘姐).
  for (const m of MAY_HOLD_ROLE.test(text) ? text.matchAll(ROLED_SHORT) : []) {
    const start = m.index!;
    const end = start + (m[1] ? 1 + m[2].length : m[3].length + 1);
    const found = text.slice(start, end);
    if (NOT_SHORT.has(found) || familiarWord(text, start, end)) continue;
    const surnameStart = m[1] ? start + 1 : start;
    const surnameEnd = m[1] ? end : end - 1;
    if (!standsAlone(text, start, end)) continue;
    if (!standsAlone(text, surnameStart, surnameEnd) && !isOneWord(text, start, end)) continue;
    // Otherwise (村民小李主任) it is left to the readings above, which offer it to the editor.
    if (PERSON_AFTER.test(text.slice(end))) sure.push({ kind: 'resident', start, end });
  }
  return { sure, maybe };
}

/** True when the segmenter reads `text.slice(start, end)` as one word (老王, 老张). */
function isOneWord(text: string, start: number, end: number): boolean {
  if (!wordSegmenter) return true;
  const from = Math.max(0, start - 6);
  for (const { index, segment } of wordSegmenter.segment(text.slice(from, Math.min(text.length, end + 6))))
    if (from + index === start) return segment.length === end - start;
  return false;
}

/**
 * Names that may be a private resident's (王景云大爷, 村民王小明), for the editor to confirm: the
 * content check shows them as hints, not errors. Spans are in the line as written.
 */
export function possibleResidentNames(line: string): { text: string; start: number; end: number }[] {
  if (!mayHoldResident(line) && !MAY_HOLD_ROLE.test(line)) return [];
  const norm = normalise(line);
  const { sure, maybe } = residentsIn(norm.text);
  return maybe
    .filter((m) => !sure.some((s) => s.start < m.end && m.start < s.end))
    .map((m) => {
      const start = norm.from[m.start];
      const end = norm.to[m.end - 1];
      return { text: line.slice(start, end), start, end };
    });
}

/**
 * Cells of a Markdown table row that hold a surname and one or two characters alone, where the
 * platform's word segmenter reads the surname as a word of its own (张桂兰, 李四喜; not 林业局,
 * 马铃薯, 高中生): a table of residents and their problems names them with no role word before them,
 * so the rules above never see them. A hint for the editor, not an error: a cell may be a term.
 */
export function tableCellNames(line: string): string[] {
  if (!/^\s*\|/.test(line)) return [];
  return line
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => CELL_NAME.test(cell))
    .filter((cell) => {
      if (!wordSegmenter) return true;
      const first = wordSegmenter.segment(cell)[Symbol.iterator]().next().value?.segment ?? '';
      return first.length < cell.length && SURNAME_ALONE.test(first);
    });
}
const CELL_NAME = new RegExp(`^${SURNAME}[\\u4e00-\\u9fff]{1,2}$`);
const SURNAME_ALONE = new RegExp(`^${SURNAME}$`);

/**
 * What a resident finding becomes in an imported Word text: the word of address without the name
 * (李大妈 → 大妈, 王景云大爷 → 大爷), or nothing for a name after a role (村民王小明 → 村民).
 */
export const residentReplacement = (found: string): string => ADDRESS_AT_END.exec(simplified(found))?.[0] ?? '';

const defaultAllowed = new Set(hotlineNumbers);
// Anything a rule could start from: a digit (any script: NFKC folds them), an at sign or its
// spellings, a long Chinese-digit run, an address word, full-width or mathematical letters (NFKC
// folds them); WeChat ids need 微信 and friends; a plate, a province and a letter (its number may be spelled out).
const MAY_HOLD =
  /[\p{N}@＠﹫#＃\uFF21-\uFF3A\uFF41-\uFF5A\u{1D400}-\u{1D7FF}]|at|AT|艾特|圈a|[〇○零洞一幺二两三四五六七拐八九勾壹贰貳叁參叄肆伍陆陸柒捌玖]{3}(?:[,，\s]|[〇○零洞一幺二两三四五六七拐八九勾壹贰貳叁參叄肆伍陆陸柒捌玖]{4})|[〇○零洞一幺二两三四五六七拐八九勾壹贰貳叁參叄肆伍陆陸柒捌玖](?:[\s,，、.\-\u2010-\u2015\u2212\uFF0D\u30FC/／|｜;；:：·]{0,3}[〇○零洞一幺二两三四五六七拐八九勾壹贰貳叁參叄肆伍陆陸柒捌玖]){6}|[栋幢单元室号座住]|信|泡泡|(?<![A-Za-z])[Vv]\s*[:：\p{So}]|支付宝|钉钉|抖音|快手|微博|小红书|淘宝|闲鱼|[vVwW][xX]|[cC][hH][aA][tT]|[xX][iI][nN]|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼滬遼贛晉陝閩貴粵寧瓊雲] ?[A-Za-z]/u;

const HK_TW =
  /(?<![\d+])(?:\(\s?(?:852|853|886)\s?\)\s?|(?:852|853|886)-)\d(?:[\s-]?\d){6,9}(?!\d)|(?<!\d)09\d{2}[\s-]\d{3}[\s-]\d{3}(?!\d)/g;
// The underscore is gone by now (normalise reads _ inside a word as emphasis).
const WXID = /(?<![A-Za-z0-9])wxid_?[A-Za-z0-9-]{4,}/gi;
/** +<country code> or 00852/00853/00886, then digits grouped by spaces, dashes, dots or brackets (see scanNormalised). */
const INTERNATIONAL = /(?<![\d+])(?:\+\s?|00(?=85[23]|886))(\d{1,3})(?:[\s\-.()]{0,2}\d){7,13}(?!\d)/g;
const MOBILE_PUNCTUATED =
  /(?<![\d.])(1[3-9]\d)\s*[^\s\dA-Za-z\u4e00-\u9fff]{1,2}\s*(\d{4})\s*[^\s\dA-Za-z\u4e00-\u9fff]{1,2}\s*(\d{4})(?![\d.])/gu;
const MAY_HOLD_PINYIN = new RegExp(PINYIN_RUN.source, 'i');
// Emphasis, spaces or invisible characters inside a word of address (李**大**妈, 李 大妈) hide it from a plain test.
const mayHoldResident = (line: string) =>
  MAY_HOLD_RESIDENT.test(line) ||
  (/[*_~`\s\u200b-\u200f\u2060\ufeff\u00b7\u2022\u2027\u30fb\uff65]/.test(line) &&
    MAY_HOLD_RESIDENT.test(line.replace(/[*_~`\s\u200b-\u200f\u2060\ufeff\u00b7\u2022\u2027\u30fb\uff65]/g, '')));
// A landline with its area code set apart by any punctuation (0571，87654321).
const LANDLINE_PUNCTUATED = /(?<![\d.])(0\d{2,3})\s*[^\s\dA-Za-z\u4e00-\u9fff]{1,2}\s*([1-9]\d{6,7})(?![\d.])/gu;
// An ID number with only its last digits masked (11010119900307****) still gives place and birth date.
const ID_MASKED = new RegExp(`(?<!\\d)${ID_REGION}(?:18|19|20)\\d{2}${DATE}\\d{0,3}[*]{1,4}`, 'g');
// An ID number in its 6-8-4 parts joined by any punctuation (110101，19900307，1234X).
const ID_PUNCTUATED =
  /(?<![\d.])(\d{6})\s*[^\s\dA-Za-z\u4e00-\u9fff]{1,2}\s*(\d{8})\s*[^\s\dA-Za-z\u4e00-\u9fff]{1,2}\s*(\d{3}[\dXx])(?![\d.])/gu;

// A vehicle plate (粤B12345, 京A·D12345, 川A1234学): a province's one-character name, the issuing
// office's letter, then five or six letters and digits (or four and a mark: 学, 挂, 警…), at least
// one a digit, maybe grouped by spaces (粤B 123 45). No word of prose has that shape (京ICP备 has a
// letter after I, and I and O are on no plate); masked plates (粤B·***45) have stars, which are not
// in the class. A plate names a vehicle, and so its owner.
const PLATE_LETTER = 'A-HJ-NP-Za-hj-np-z';
const PLATE_MARK = '[挂学警港澳领]';
const PLATE = new RegExp(
  `[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼] ?[${PLATE_LETTER}] ?[.-]? ?(?=[${PLATE_LETTER}]*\\d)` +
    `(?:[${PLATE_LETTER}\\d](?: ?[${PLATE_LETTER}\\d]){4,5}(?: ?${PLATE_MARK})?|[${PLATE_LETTER}\\d]{4} ?${PLATE_MARK})(?![A-Za-z\\d])`,
  'g',
);
// The same plate with its number in Chinese digits (川A壹贰叁肆伍, 粤B一二三四五): spelled out to slip
// past a check for digits. Every character after the office letter is a letter or a digit of either
// kind, at least one a Chinese digit; prose never follows a province and a Latin letter with five of them.
const PLATE_CHAR = `[${PLATE_LETTER}\\d${CN_DIGIT_CLASS}]`;
const PLATE_SPELLED = new RegExp(
  `[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼] ?[${PLATE_LETTER}] ?[.-]? ?(?=(?:${PLATE_CHAR} ?)*[${CN_DIGIT_CLASS}])` +
    `(?:${PLATE_CHAR}(?: ?${PLATE_CHAR}){4,5}(?: ?${PLATE_MARK})?|${PLATE_CHAR}{4} ?${PLATE_MARK})(?![A-Za-z\\d${CN_DIGIT_CLASS}])`,
  'g',
);

/** One finding in a line: its kind, its text as written and its span in the line. */
export interface LineFinding {
  kind: PrivacyKind;
  text: string;
  start: number;
  end: number;
}

// The content check reads most lines more than once (as written, as the page shows them, in a list
// read across), so the findings for a line are kept for the next reading, per allow-list: 27,000
// readings of 11,600 different lines at 1,000 generated entries. Long lines (a body read across as
// one) are rarely read twice and are not kept; the store is emptied when full, bounding its memory.
const memo = new WeakMap<Set<string>, Map<string, readonly LineFinding[]>>();
const MEMO_LINE_MAX = 1_000;
const MEMO_LINES = 20_000;

/** Every private datum in one line (no line breaks), with its span in the line as written. */
export function findInLine(line: string, allowed: Set<string> = defaultAllowed): readonly LineFinding[] {
  // Most prose lines hold nothing any rule needs: no digit of any script, no at sign, no long run of
  // Chinese digits, no building word. They are passed over without normalising.
  if (
    !MAY_HOLD.test(line) &&
    !MAY_HOLD_PINYIN.test(line) &&
    !mayHoldResident(line) &&
    !MAY_HOLD_ROLED.test(line) &&
    // A label spaced out as Word forms print it (姓 名：陈桂兰), which the name rules read joined.
    !(/[ \u3000]/.test(line) && MAY_HOLD_ROLED.test(line.replace(/(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu, ''))) &&
    !line.includes('联系人') &&
    !MAY_HOLD_ELDER.test(line)
  )
    return [];
  if (line.length > MEMO_LINE_MAX) return scanLine(line, allowed);
  let lines = memo.get(allowed);
  if (!lines) memo.set(allowed, (lines = new Map()));
  let found = lines.get(line);
  if (!found) {
    // Frozen: every caller shares the one array.
    found = Object.freeze(scanLine(line, allowed).map((f) => Object.freeze(f)));
    if (lines.size >= MEMO_LINES) lines.clear();
    lines.set(line, found);
  }
  return found;
}

// Seven digits as written, maybe grouped: a number that folding could have lengthened.
const WRITTEN_DIGITS = /\d(?:[ \-.]?\d){6}/;
// Something folding reads as a digit (a Chinese digit, a letter, a circled or other non-ASCII
// character) beside a written digit, with at most a space between.
const FOLDED_BESIDE = new RegExp(
  `[${CN_DIGIT_CLASS}A-Za-z\\u0080-\\u33FF\\uFF10-\\uFF19] ?\\d|\\d ?[${CN_DIGIT_CLASS}A-Za-z\\u0080-\\u33FF\\uFF10-\\uFF19]`,
);

function scanLine(line: string, allowed: Set<string>): LineFinding[] {
  const found = scanNormalised(normalise(line), line, allowed);
  // A character folded into a digit next to a number (张三13800138000: 三 is 3; ①, San, O) makes it
  // one digit longer, and no shape matches it any more: the digits as written are read alone too.
  if (WRITTEN_DIGITS.test(line) && FOLDED_BESIDE.test(line)) {
    const more = scanNormalised(normalise(line, true), line, allowed).filter((f) => !found.some((g) => g.start < f.end && f.start < g.end));
    if (more.length) return [...found, ...more].sort((a, b) => a.start - b.start);
  }
  return found;
}

function scanNormalised(norm: Normalised, line: string, allowed: Set<string>): LineFinding[] {
  const text = norm.text;
  const spans: Span[] = [];
  const coverage = new Coverage(text.length);
  const add = (list: Span[]) => {
    for (const s of list) if (coverage.claim(s)) spans.push(s);
  };
  for (const pattern of [EMAIL, EMAIL_CJK])
    add([...text.matchAll(pattern)].map((m) => ({ kind: 'email' as const, start: m.index!, end: m.index! + m[0].length })));
  add(numberSpans(text, allowed));
  // A number abroad, or in Hong Kong, Macao or Taiwan, after its country code (+852 9123 4567,
  // 00886 912 345 678): no mainland shape fits it, and a figure never starts with +.
  add(
    [...text.matchAll(INTERNATIONAL)]
      .filter((m) => {
        const digits = m[0].replace(/\D/g, '');
        return digits.length - m[1].length >= 7 && !allowed.has(digits);
      })
      .map((m) => ({ kind: 'phone' as const, start: m.index!, end: m.index! + m[0].length })),
  );
  // A mobile number in its 3-4-4 groups joined by any punctuation (138，1234，5678; 138|1234|5678):
  // lists of figures do not come in that shape.
  add(
    [...text.matchAll(MOBILE_PUNCTUATED)]
      .filter((m) => !allowed.has(m[1] + m[2] + m[3]))
      .map((m) => ({ kind: 'mobile' as const, start: m.index!, end: m.index! + m[0].length })),
  );
  add(
    [...text.matchAll(LANDLINE_PUNCTUATED)]
      .filter((m) => LANDLINE.test(m[1] + m[2]) && !allowed.has(m[2]))
      .map((m) => ({ kind: 'landline' as const, start: m.index!, end: m.index! + m[0].length })),
  );
  add([...text.matchAll(ID_MASKED)].map((m) => ({ kind: 'id' as const, start: m.index!, end: m.index! + m[0].length })));
  add(
    [...text.matchAll(ID_PUNCTUATED)]
      .filter((m) => ID18.test((m[1] + m[2] + m[3]).toUpperCase()))
      .map((m) => ({ kind: 'id' as const, start: m.index!, end: m.index! + m[0].length })),
  );
  // A province character that is the tail of a place name (西宁CA1275, 南京MU2815: flights) is no plate.
  const plain = simplified(text);
  for (const pattern of [PLATE, PLATE_SPELLED])
    add(
      [...plain.matchAll(pattern)]
        .filter((m) => standsAlone(plain, m.index!, m.index! + 1))
        .map((m) => ({ kind: 'plate' as const, start: m.index!, end: m.index! + m[0].length })),
    );
  add([...text.matchAll(CONTACT)].map((m) => ({ kind: 'contact' as const, start: m.index!, end: m.index! + m[0].length })));
  // Hong Kong, Macao and Taiwan numbers written without the +: (852) 9123 4567, 852-9123-4567, 0912-345-678.
  add([...text.matchAll(HK_TW)].map((m) => ({ kind: 'phone' as const, start: m.index!, end: m.index! + m[0].length })));
  // WeChat's own account id (wxid_…), which names one account whatever word stands before it.
  add([...text.matchAll(WXID)].map((m) => ({ kind: 'wechat' as const, start: m.index!, end: m.index! + m[0].length })));
  add(residentsIn(text).sure);
  // These two claim their spans as they find them (a keyword's number must not overlap one found above).
  // Addresses in traditional characters (3號樓2單元401室) read as simplified, one character for one.
  spans.push(...keywordSpans(text, coverage, allowed), ...addressSpans(plain, coverage));
  return spans
    .sort((a, b) => a.start - b.start)
    .map((s) => {
      const start = norm.from[s.start];
      const end = norm.to[s.end - 1];
      return { kind: s.kind, text: line.slice(start, end).trim(), start, end };
    });
}

/** The message for one finding: `疑似…“text”：fix`, with its English. */
export function privacyMessage(kind: PrivacyKind, text: string): Message {
  const { label, fix } = privacyKinds[kind];
  return msg(`疑似${label}“${text}”：${fix}`, `${PRIVACY_MARK} (${label}): remove it`);
}

const allowedSet = (options: PrivacyOptions) =>
  options.allowed ? new Set([...options.allowed].map((n) => n.replace(/\D/g, ''))) : defaultAllowed;

/** Every private datum in a text, with its 1-based line. */
export function findPrivateData(text: string, options: PrivacyOptions = {}): PrivacyFinding[] {
  const allowed = allowedSet(options);
  const findings: PrivacyFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const found of findInLine(line, allowed)) {
      const { label, fix } = privacyKinds[found.kind];
      findings.push({ line: index + 1, kind: found.kind, label, text: found.text, fix, message: privacyMessage(found.kind, found.text) });
    }
  });
  return findings;
}

/**
 * Private data that only shows when short texts are read one after another, as a list or a table
 * column shows them (139 / 1234 / 5678): the parts are joined by `separator` and every finding that
 * spans two parts or more is given as the first and last part it covers. Findings inside one part are
 * left to the check of that part.
 */
export function findAcrossParts(
  parts: string[],
  separator: string,
  options: PrivacyOptions = {},
): { kind: PrivacyKind; first: number; last: number; text: string }[] {
  if (parts.length < 2 || parts.some((part) => /[\r\n]/.test(part))) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.length + separator.length;
  }
  // Findings come in order, so the part of each is found by walking forward.
  let at = 0;
  const partAt = (index: number) => {
    while (at + 1 < starts.length && starts[at + 1] <= index) at++;
    return at;
  };
  const out: { kind: PrivacyKind; first: number; last: number; text: string }[] = [];
  for (const found of findInLine(parts.join(separator), allowedSet(options))) {
    const first = partAt(found.start);
    let last = first;
    while (last + 1 < starts.length && starts[last + 1] < found.end) last++;
    if (last > first) out.push({ kind: found.kind, first, last, text: found.text });
  }
  return out;
}

/**
 * How a question or a long query becomes the words a page should cover, and the forgiving
 * matches tried when nothing matches exactly: one wrong, missing or extra character in a name,
 * and pinyin (full or initials) of titles, aliases, units and places. Pure, shared by the search
 * page, the build and the tests.
 */

/**
 * Question words: a query holding one is a question (its restating verbs are dropped, see
 * QUESTION_VERBS). They are stop words too.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  '怎么',
  '怎样',
  '如何',
  '怎么样',
  '怎么办',
  '什么',
  '哪些',
  '为什么',
  '为何',
  '是否',
  '能否',
  '可否',
  '请问',
  // as cadres say and type them, mostly in the north (咋办 = 怎么办, 啥 = 什么)
  '咋',
  '咋办',
  '咋整',
  '咋弄',
  '咋搞',
  '咋样',
  '咋回事',
  '啥',
  '为啥',
  '干啥',
  '怎么回事',
  '怎么弄',
  '怎么整',
  '怎么搞',
  // who, can-or-not and a question's last particle, as whole spoken questions end (holdout-6, 2026-12-03:
  // 选支部书记能不能让党员自己直接投票选出来, 家里的娃娃谁来照看)
  '谁',
  '谁来',
  '谁能',
  '能不能',
  '可不可以',
  '吗',
  '有啥',
  '啥样',
  '啥事',
]);

/**
 * Question and function words: dropped from a query, and refused when typed alone (they stand in
 * nearly every page, so they would list the whole library). The question words are derived from
 * QUESTION_WORDS, so the two lists cannot drift apart.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS,
  // asking words that do not by themselves make the query a question of "how" (哪个村, 有没有台账)
  '哪个',
  '哪里',
  '有没有',
  '多少',
  // yes-no questions (A不A)
  '好不好',
  '行不行',
  '对不对',
  '会不会',
  '要不要',
  '该不该',
  '是不是',
  // particles and function words
  '该',
  '咱',
  '咱们',
  '俺',
  '俺们',
  '呗',
  '啦',
  '哦',
  '哈',
  '好多',
  '老是',
  '总是',
  '一直',
  '到底',
  '究竟',
  '回事',
  // words the platform's dictionary glues from particles and spoken fillers (就走, 见了, 都不), and
  // the asking for "a way" itself (有什么好办法): in a whole question they are no topic a page is about
  '没有',
  '事',
  '就是',
  '还是',
  '都是',
  '也是',
  '都不',
  '也不',
  '就不',
  '不是',
  '就走',
  '见了',
  '因为',
  '所以',
  '知道',
  '不知道',
  '觉得',
  '出去',
  '出来',
  '回来',
  '起来',
  '家里',
  '这里',
  '那里',
  '这儿',
  '那儿',
  '哪儿',
  '这事',
  '那事',
  '以后',
  '之后',
  '以前',
  '一个',
  '几个',
  '一块',
  '一点',
  '点儿',
  '好些',
  '有的',
  '有些',
  '有点',
  '特别',
  '非常',
  '其实',
  '成天',
  '说说',
  '讲讲',
  '办法',
  '好办法',
  '法子',
  '做法',
  '招数',
  '高招',
  '的',
  '地',
  '得',
  '了',
  '着',
  '过',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '嘛',
  '是',
  '在',
  '和',
  '与',
  '及',
  '或',
  '或者',
  '以及',
  '并',
  '并且',
  '也',
  '都',
  '就',
  '还',
  '又',
  '而',
  '之',
  '其',
  '这',
  '那',
  '这个',
  '那个',
  '这些',
  '那些',
  '有',
  '个',
  '为',
  '以',
  '对',
  '把',
  '被',
  '让',
  '给',
  '向',
  '从',
  '到',
  '跟',
  '同',
  '用',
  '去',
  '来',
  '会',
  '能',
  '可以',
  '应该',
  '需要',
  '要',
  '想',
  '做',
  '搞',
  '一',
  '一下',
  '一些',
  '我',
  '我们',
  '你',
  '你们',
  '他',
  '他们',
  '她',
  '它',
  '自己',
  '大家',
  // words in nearly every entry
  '工作',
  '开展',
  '进行',
  '加强',
  '推进',
  '问题',
  '方法',
  '工作法',
]);

/** True when the term is a question or function word, or a very common word. */
export const isStopWord = (term: string) => STOP_WORDS.has(term);

/**
 * Verbs that in a question only restate "how is it done" (群众办事难怎么解决, 矛盾如何处理): dropped
 * from a question when other words remain, so a page about 办事难 need not also say 解决. Alone or
 * outside a question they are ordinary words.
 */
export const QUESTION_VERBS = new Set(['解决', '处理', '化解', '应对', '办', '做好', '搞好', '落实', '实现', '建立', '建设']);

const HAN = /\p{Script=Han}/u;
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** Words of a Chinese run, as the platform's dictionary cuts it (every browser since 2024, and Node). */
export function segment(run: string): string[] {
  if (!segmenter) return [run];
  return [...segmenter.segment(run)].filter((s) => s.isWordLike !== false).map((s) => s.segment);
}

/**
 * True when `hay` holds `word` as a word, not as the end of one word and the start of the next:
 * 务工 (a related word of 打工) is in 外出务工 but not in 服务工作, where the platform's dictionary
 * reads 服务 and 工作. An occurrence counts when it starts and ends where the dictionary's words do,
 * or lies inside one of them (儿童 in 留守儿童); only one that straddles a word's edge does not.
 * Read in a short window around each occurrence, so a long page costs little. Without a segmenter,
 * any occurrence counts.
 */
export function holdsAsWord(hay: string, word: string): boolean {
  if (!word) return false;
  for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) if (standsAsWord(hay, at, word.length)) return true;
  return false;
}

/** The test of holdsAsWord for one occurrence: `hay.slice(at, at + length)` (UTF-16 offsets). */
export function standsAsWord(hay: string, at: number, length: number): boolean {
  if (!segmenter) return true;
  const from = Math.max(0, at - 8);
  const start = at - from;
  const end = start + length;
  let crosses = false;
  for (const { index, segment: s } of segmenter.segment(hay.slice(from, at + length + 8))) {
    const last = index + s.length;
    if (index <= start && last >= end) return true;
    if ((index < start && last > start) || (index < end && last > end)) crosses = true;
  }
  return !crosses;
}

/**
 * The words a page should cover for parsed query terms: a term that is a stop word is dropped; a
 * Chinese term longer than four characters, or one holding a stop word, is cut into words and its
 * stop words and lone characters are dropped (农村党员怎么联系群众 → 农村 党员 联系 群众). Other
 * terms are kept whole. Empty when the query holds only stop words.
 */
export function contentWords(terms: string[], known: ReadonlySet<string> = new Set(), cutShort = false): string[] {
  const { out, question } = splitWords(terms, known, cutShort);
  const rest = question ? out.filter((w) => !QUESTION_VERBS.has(w)) : out;
  return [...new Set(rest.length ? rest : out)];
}

/**
 * The restating verbs contentWords drops from a question (非公企业怎么建立党组织 → 建立). Not
 * required of a page, but a page that also holds them answers the question more closely (沃尔玛
 * 总部建立党组织), so they add to how much a page is about the query.
 */
export function questionVerbs(terms: string[], known: ReadonlySet<string> = new Set()): string[] {
  const { out, question } = splitWords(terms, known);
  const verbs = question ? out.filter((w) => QUESTION_VERBS.has(w)) : [];
  return verbs.length < out.length ? [...new Set(verbs)] : [];
}

/** True when the terms ask a question (a question word, alone or inside a longer term). */
export function isQuestion(terms: string[], known: ReadonlySet<string> = new Set()): boolean {
  return splitWords(terms, known).question;
}

/** `cutShort`: cut a four-character term too (kept whole by default: most are one word, 矛盾纠纷). */
function splitWords(terms: string[], known: ReadonlySet<string>, cutShort = false): { out: string[]; question: boolean } {
  const out: string[] = [];
  let question = false;
  for (const term of terms) {
    if (isStopWord(term)) {
      question ||= QUESTION_WORDS.has(term);
      continue;
    }
    const chars = [...term];
    if (!HAN.test(term) || chars.length <= 3) {
      out.push(term);
      continue;
    }
    const words = cutKnown(term, known).flatMap((w) => (known.has(w) ? [w] : segment(w)));
    const hasStop = words.some(isStopWord);
    question ||= words.some((w) => QUESTION_WORDS.has(w));
    if (chars.length <= 4 && !hasStop && !cutShort) {
      out.push(term);
      continue;
    }
    // Lone characters next to each other are one word the dictionary did not know (网格化).
    const merged: string[] = [];
    let lone = '';
    for (const w of [...words, '']) {
      if ([...w].length === 1 && !isStopWord(w)) lone += w;
      else {
        if (lone) merged.push(lone);
        lone = '';
        if (w) merged.push(w);
      }
    }
    const kept = merged.filter((w) => !isStopWord(w) && ([...w].length > 1 || !HAN.test(w)));
    // A clause of a question that holds only its asking and fillers (怎么做通工作) adds no word; kept
    // whole it would ask pages to hold it word for word.
    if (!kept.length && words.some((w) => QUESTION_WORDS.has(w))) continue;
    out.push(...(kept.length ? kept : [term]));
  }
  return { out, question };
}

/**
 * A run cut around the known words it holds (the thesaurus' topics, longest first), so a topic
 * inside a question stays one word (怎样化解邻里矛盾纠纷 → 怎样化解 邻里 矛盾纠纷) instead of
 * whatever the platform's dictionary makes of it. The run itself is never cut when it is known.
 */
export function cutKnown(run: string, known: ReadonlySet<string>): string[] {
  if (known.has(run) || !known.size) return [run];
  const chars = [...run];
  for (let length = chars.length - 1; length >= 2; length--) {
    for (let i = 0; i + length <= chars.length; i++) {
      const part = chars.slice(i, i + length).join('');
      if (!known.has(part)) continue;
      const before = chars.slice(0, i).join('');
      const after = chars.slice(i + length).join('');
      return [...(before ? cutKnown(before, known) : []), part, ...(after ? cutKnown(after, known) : [])];
    }
  }
  return [run];
}

/** Levenshtein distance, stopping early once it passes `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length];
}

/**
 * The part of `name` within one wrong, missing or extra character of `query` (沃尔码 → 沃尔玛 in
 * 深圳沃尔玛党支部), or undefined. Only for queries of three or more characters: with two, one
 * wrong character leaves too little of what was meant.
 */
export function nearMatch(query: string, name: string): string | undefined {
  const q = [...query];
  const n = [...name];
  if (q.length < 3) return undefined;
  // The whole name first: 干群夜会 means 干群夜谈会, not its first four characters.
  if (editDistance(query, name, 1) === 1) return name;
  let best: { text: string; distance: number } | undefined;
  for (const length of [q.length, q.length - 1, q.length + 1]) {
    for (let i = 0; i + length <= n.length; i++) {
      const chars = n.slice(i, i + length);
      // One character may differ, but the part must begin or end as the query does.
      if (chars[0] !== q[0] && chars[chars.length - 1] !== q[q.length - 1]) continue;
      const part = chars.join('');
      const distance = editDistance(query, part, 1);
      if (distance === 0) return undefined;
      if (distance === 1 && (!best || length === q.length)) best = { text: part, distance };
    }
  }
  return best?.text;
}

/** A query's letters as pinyin is typed: lower case, ü as v (how Chinese keyboards take it). */
const latin = (query: string) => query.normalize('NFC').toLowerCase().replace(/ü/g, 'v').normalize('NFKC');

/** A Latin query that could be pinyin: two or more letters, spaces and apostrophes allowed. */
export function pinyinQuery(query: string): string | undefined {
  const q = latin(query).replace(/[\s']+/g, '');
  return /^[a-z]{2,}$/.test(q) ? q : undefined;
}

/**
 * The words of a pinyin query typed with spaces (ganzhou sansong: a place and a method), when it
 * has two to four and each could be pinyin; undefined otherwise. Tried only when no name is the
 * whole query: gong tui zhi xuan is one name spelled by syllable.
 */
export function pinyinParts(query: string): string[] | undefined {
  const parts = latin(query).replace(/'/g, '').split(/\s+/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 4 && parts.every((p) => /^[a-z]{2,}$/.test(p)) ? parts : undefined;
}

/**
 * True when a pinyin query names one of the spellings: a prefix of the full pinyin of a name
 * (gongtuizhixuan), or its initials from the start (sbtz). Initials of two letters match only
 * whole, so zz does not match every name starting 组织.
 */
export function pinyinMatches(query: string, full: string, initials: string): boolean {
  if (full.length >= query.length && full.startsWith(query) && query.length >= 4) return true;
  if (full === query) return true;
  return initials === query || (query.length >= 3 && initials.startsWith(query));
}

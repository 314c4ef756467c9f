/**
 * What a query asks for, and the order of every candidate page before any page's text is read.
 *
 * Pagefind answers "which pages hold all of these character pairs" (src/lib/grams.ts) with a score
 * per page; the lexicon (src/lib/search-lexicon.node.ts) holds each page's names. From those two alone
 * every candidate gets its group and place, so the order never changes when more pages are read;
 * reading a page's text then only confirms it (`verify`), dropping pages that hold the pairs but
 * not the phrase. Groups, most trusted first:
 *
 * 0 exact      every term as typed (exact-substring recall and precision, as before)
 * 1 folded     every term after folding (臺賬, 台帐 → 台账)
 * 2 all words  every content word of a question or long query (农村 党员 联系 群众)
 * 3 name       a name within one character of the query, or its pinyin (干群夜话会, sbtz)
 * 4 related    every word, some only through the thesaurus or a method family (矛盾纠纷 → 调解)
 * 5 most       more than half of the words
 * 6 some       at least one word
 */
import { compact, containsAll, parseQuery } from './search.ts';
import { fold, makeFolder, type Folder } from './search-fold.ts';
import {
  contentWords,
  holdsAsWord,
  isQuestion,
  isStopWord,
  nearMatch,
  pinyinMatches,
  pinyinParts,
  pinyinQuery,
  questionVerbs,
} from './search-words.ts';

/**
 * What separates the names in a lexicon list (aliases, method families). A line break, because no
 * name can hold one (`nameText`), while 、 can be part of a name (学先进、找差距、见行动).
 */
export const NAME_LIST = '\n';

/** A page in the lexicon: title, aliases, unit, region, method families (lists: NAME_LIST). */
export type LexiconPage = [string, string, string, string, string];

/**
 * Pinyin of each page's names (`namesOf` order), "full:initials full:initials…", by page id: a
 * separate file (/pagefind/pinyin.json), loaded only for a Latin query.
 */
export type PinyinFile = Record<string, string>;

/**
 * /pagefind/lexicon.json, loaded with the first search. It holds only what every query needs and
 * grows little with the library: the folding tables, the thesaurus, the method families and each
 * page's title (title matches rank first). The other names of each page, which only typo
 * tolerance and pinyin need, are in NamesFile.
 */
export interface LexiconFile {
  /** Traditional/simplified character pairs, "臺台賬账…". */
  fold: string;
  variants: [string, string][];
  thesaurus: [string, string[]][];
  /** Method families: [Pagefind `theme` filter value, label, aliases (NAME_LIST)]. */
  themes: ([string, string] | [string, string, string])[];
  /**
   * Domains: [Pagefind `domain` filter value, label]. A query naming a domain (国有企业, or 国企党建
   * through the thesaurus) leads with that domain's cases, as one naming a method family does.
   */
  domains?: [string, string][];
  /** Title by Pagefind page id. */
  titles: Record<string, string>;
  /**
   * Place of each page ("四川 德阳市 中江县"), in the order of `titles`' keys (an array, so the
   * page ids are not written twice): a place typed exactly ranks its own cases first. Units are
   * left out: they made this map the largest part of the file (19 KB of 43 KB gzipped at 1,000
   * entries), and a unit typed exactly already leads through its page's text.
   */
  places?: string[];
  /**
   * Each page's first method family, the one its editors list first and the index weighs as a
   * main point: one letter per page in the order of `titles`' keys, the family's place in `themes`
   * (a = 0), '-' for none. A topic's cases whose main family is the topic lead those that list it
   * among others.
   */
  mainThemes?: string;
}

/**
 * /pagefind/names.json: every page's names by Pagefind page id, loaded only when a query may be a
 * typo or pinyin (it grows by about 100 bytes gzipped per entry).
 */
export type NamesFile = Record<string, LexiconPage>;

export interface Lexicon {
  folder: Folder;
  /** Folded term → folded related words. */
  related: Map<string, string[]>;
  /** The thesaurus' terms (folded) of two or more characters: a question is cut around them. */
  topics: Set<string>;
  /** Folded method-family label → [filter value, label]. */
  themes: Map<string, [string, string]>;
  /** Folded domain label → [filter value, label]. */
  domains: Map<string, [string, string]>;
  titles: Map<string, string>;
  /** Place by page id (see LexiconFile). */
  places: Map<string, string>;
  /** Label of each page's first method family, by page id (absent when the file has none). */
  mainTheme?: Map<string, string>;
  /**
   * The method families' aliases (folded). An alias names one practice within its family (流动党员
   * within 党员教育管理), so a page's main family says less about it than about the family itself.
   */
  familyAliases?: Set<string>;
  /** Set once names.json is loaded. */
  pages?: Map<string, LexiconPage>;
  /** Set once pinyin.json is loaded. */
  pinyin?: Map<string, string>;
}

export function readLexicon(file: LexiconFile, names?: NamesFile): Lexicon {
  const folder = makeFolder(
    file.fold,
    file.variants.map(([from, to]) => ({ from, to })),
  );
  const f = (s: string) => compact(fold(s, folder));
  const related = new Map<string, string[]>();
  for (const [term, words] of file.thesaurus) related.set(f(term), [...new Set([...(related.get(f(term)) ?? []), ...words.map(f)])]);
  const themes = new Map((file.themes ?? []).map(([value, label]) => [f(label), [value, label] as [string, string]]));
  const domains = new Map((file.domains ?? []).map(([value, label]) => [f(label), [value, label] as [string, string]]));
  const familyAliases = new Set((file.themes ?? []).flatMap(([, , aliases]) => (aliases ? aliases.split(NAME_LIST).map(f) : [])));
  const topics = new Set([...related.keys()].filter((t) => [...t].length >= 2));
  return {
    folder,
    related,
    topics,
    themes,
    domains,
    titles: new Map(Object.entries(file.titles ?? {})),
    familyAliases,
    places: new Map(
      Object.keys(file.titles ?? {})
        .map((id, i): [string, string] => [id, file.places?.[i] ?? ''])
        .filter(([, place]) => place),
    ),
    pages: names ? new Map(Object.entries(names)) : undefined,
    ...(file.mainThemes === undefined
      ? {}
      : {
          mainTheme: new Map(
            Object.keys(file.titles ?? {})
              .map((id, i): [string, string] => [id, file.themes[file.mainThemes!.charCodeAt(i) - 97]?.[1] ?? ''])
              .filter(([, label]) => label),
          ),
        }),
  };
}

export const GROUP = { exact: 0, folded: 1, words: 2, name: 3, related: 4, most: 5, some: 6 } as const;

export interface Plan {
  /** Terms as typed (after width/case folding). */
  terms: string[];
  /** The terms folded. */
  folded: string[];
  /** Folded content words, when they differ from the folded terms (questions, long queries). */
  words: string[];
  /** Folded related words per word (thesaurus, method-family aliases). */
  related: Map<string, string[]>;
  /**
   * The query asks a question (如何让群众监督村干部): it is not an exact query, so a page holding
   * it word for word (a 思考题 asking the same) is ordered among the pages holding all its words.
   */
  question?: boolean;
  /** Restating verbs dropped from a question (建立, 解决): not required, but they add to aboutness. */
  verbs?: string[];
  /** Set when the query is only stop words: the reader is asked for a longer query. */
  tooCommon?: string;
  /** A Latin query that may be pinyin. */
  pinyin?: string;
  /** Its words, when it was typed as two to four (ganzhou sansong): each may name a different field. */
  pinyinParts?: string[];
}

export function planQuery(query: string, lexicon: Lexicon, { cutShort = false } = {}): Plan {
  const terms = parseQuery(query);
  const f = (s: string) => compact(fold(s, lexicon.folder));
  const folded = [...new Set(terms.map(f).filter(Boolean))];
  const content = contentWords(folded, lexicon.topics, cutShort);
  const words = content.join() === folded.join() ? folded : content;
  const related = new Map<string, string[]>();
  for (const w of new Set([...folded, ...words])) {
    const r = lexicon.related.get(w)?.filter((x) => x !== w);
    if (r?.length) related.set(w, r);
  }
  const tooCommon = terms.length && terms.every(isStopWord) ? terms.join('') : undefined;
  const verbs = questionVerbs(folded, lexicon.topics);
  const parts = pinyinParts(query);
  return {
    terms,
    folded,
    words: content.length ? words : [],
    related,
    ...(verbs.length ? { verbs } : {}),
    // A question mark at the end asks, whatever words ask (…一个格子里配几个人，各管啥事？).
    ...((isQuestion(folded, lexicon.topics) || /[?？]\s*$/.test(query)) && content.length ? { question: true } : {}),
    tooCommon,
    pinyin: pinyinQuery(query),
    ...(parts ? { pinyinParts: parts } : {}),
  };
}

/**
 * The group a result is ordered by. When folding changes the query (台帐, 臺賬), the reader typed
 * a variant spelling: pages holding it as typed and pages holding the standard spelling hold the
 * same phrase, so they are ordered together (title first), not exact spelling first.
 */
export function rankGroup(r: Pick<Ranked, 'group' | 'lead'>, plan: Plan): number {
  if (r.lead) return -1;
  // A question is answered by the pages about its words, not first by a page that asks it too.
  if (plan.question && r.group <= GROUP.folded && plan.words.length > 1) return GROUP.words;
  return r.group === GROUP.exact && !sameList(plan.folded, plan.terms) ? GROUP.folded : r.group;
}

/** Finds the pages holding every term's pairs (Pagefind), with its score for each. */
export type Finder = (terms: string[]) => Promise<Map<string, number>>;

export interface Ranked {
  id: string;
  /** The group predicted from Pagefind and the lexicon; reading the page may only lower it. */
  group: number;
  /** Words covered directly, and through related words. */
  direct: number;
  covered: number;
  /** Why a page matched without holding the query: 近似 / 拼音 / 方法类别 names. */
  via?: string;
  /** A name within one character of the query, or its pinyin, belongs to the page. */
  named?: boolean;
  /**
   * The query is a topic (every word has related words in the thesaurus or is a method family)
   * and it is a main point of this page (title or method family): listed first, before pages that
   * only mention the words.
   */
  lead?: boolean;
}

const sameList = (a: string[], b: string[]) => a.join('\u0000') === b.join('\u0000');

/**
 * The separate names of a page (title parts, alias parts, unit parts, places), in the order the
 * lexicon's pinyin spellings follow; last, a title or alias that punctuation cuts into parts,
 * whole (“乡情”工作法, 学先进、找差距、见行动: readers type xqgzf for the whole name).
 */
export function namesOf(p: LexiconPage): string[] {
  const parts = (text: string) => text.split(/[\s\p{P}\p{S}]+/u).filter((n) => /\p{Script=Han}/u.test(n) && [...n].length >= 2);
  const names = [...new Set([p[0], ...p[1].split(NAME_LIST), p[2], p[3]].flatMap(parts))];
  const whole = [p[0], ...p[1].split(NAME_LIST)].map((n) => n.trim()).filter((n) => parts(n).length > 1 && !names.includes(n));
  return [...new Set([...names, ...whole])];
}

/** The fields of a lexicon page matching is tried on, most telling first. */
const nameFields = (p: LexiconPage) => [p[0], p[1], p[2], p[3]];

/**
 * 0: the title holds the terms; 1: the place does (a case from 中江县 before one that mentions 中江);
 * 3: neither. Only lexicon.json (always loaded), so that a query's order never depends on whether
 * names.json happened to be loaded by an earlier query.
 */
function titleTier(title: string | undefined, terms: string[], folder: Folder, place?: string): number {
  if (!terms.length) return 3;
  if (title && containsAll(fold(title, folder), terms)) return 0;
  return place && containsAll(fold(place, folder), terms) ? 1 : 3;
}

/** A syllable's shape as the pinyin file spells it: an optional initial, vowels (ü as v), an optional n, ng or r. */
const SYLLABLE = /^(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+(?:ng|n|r)?$/;

/**
 * A name's full pinyin cut into its characters' syllables, each starting with the letter the
 * initials give it (minqingriji, mqrj → min qing ri ji); undefined when it cannot be cut so.
 */
export function syllables(full: string, initials: string): string[] | undefined {
  const out: string[] = [];
  const walk = (at: number, i: number): boolean => {
    if (i === initials.length) return at === full.length;
    if (full[at] !== initials[i]) return false;
    // Longest first: zhongguo is zhong guo, not zhon gguo (which the shape refuses anyway).
    for (let end = Math.min(full.length, at + 6); end > at; end--) {
      const syllable = full.slice(at, end);
      if (!SYLLABLE.test(syllable)) continue;
      out.push(syllable);
      if (walk(end, i + 1)) return true;
      out.pop();
    }
    return false;
  };
  return walk(0, 0) ? out : undefined;
}

/**
 * The Chinese word a full-pinyin query spells, read off the library's own names: the run of two or
 * more characters of a name whose syllables make exactly the query (minqing → 民情, from 民情日记;
 * taizhang → 台账), the one the most pages' names hold. The search then looks for that word in every
 * page, not only in names. Undefined for initials (sbtz), a typo or a word no name spells.
 */
export function pinyinWord(query: string, lexicon: Lexicon): string | undefined {
  if (!lexicon.pages || !lexicon.pinyin || !/^[a-z]{4,}$/.test(query)) return undefined;
  const pagesOf = new Map<string, Set<string>>();
  for (const [id, page] of lexicon.pages) {
    const spellings = (lexicon.pinyin.get(id) ?? '').split(' ');
    namesOf(page).forEach((name, k) => {
      const [full = '', initials = ''] = (spellings[k] ?? '').split(':');
      if (!full.includes(query)) return;
      const han = [...name.replace(/[^\p{Script=Han}]/gu, '')];
      const cut = syllables(full, initials);
      if (!cut || cut.length !== han.length) return;
      for (let i = 0; i < cut.length; i++) {
        let spelled = '';
        for (let j = i; j < cut.length && spelled.length < query.length; j++) {
          spelled += cut[j];
          if (spelled !== query || j === i) continue;
          const word = han.slice(i, j + 1).join('');
          if (!pagesOf.has(word)) pagesOf.set(word, new Set());
          pagesOf.get(word)!.add(id);
        }
      }
    });
  }
  let best: string | undefined;
  for (const [word, ids] of pagesOf) if (!best || ids.size > pagesOf.get(best)!.size) best = word;
  return best;
}

/**
 * Typo and pinyin matches from the lexicon, tried only when no page holds the query: the pages and
 * the name the reader probably meant.
 */
export function nameMatches(plan: Plan, lexicon: Lexicon): { ids: Map<string, [string, string]>; suggestion?: string } {
  const ids = new Map<string, [string, string]>();
  let suggestion: string | undefined;
  let bestTier = 9;
  if (!lexicon.pages) return { ids };
  if (plan.pinyin) {
    // Pages whose names hold every word, each word naming one of the page's fields (one word: the whole query).
    const matchAll = (words: string[]) => {
      for (const [id, p] of lexicon.pages!) {
        const names = namesOf(p);
        const spellings = (lexicon.pinyin?.get(id) ?? '').split(' ').map((s) => s.split(':'));
        const hits = words.map((w) =>
          spellings.findIndex(([full, initials]) => full !== undefined && pinyinMatches(w, full, initials ?? '')),
        );
        if (!hits.every((h) => h >= 0 && names[h])) continue;
        const named = [...new Set(hits.map((h) => names[h]))];
        // The name shown as matched: the most telling field (title before aliases, unit and place).
        ids.set(id, [`拼音：${words.join(' ')} → ${named.join(' ')}`, names[Math.min(...hits)]]);
      }
    };
    matchAll([plan.pinyin]);
    // No name is the whole query: its words may name different fields of one page (ganzhou sansong → 赣州 and 三送).
    if (!ids.size && plan.pinyinParts) matchAll(plan.pinyinParts);
    return { ids };
  }
  if (plan.folded.length !== 1) return { ids };
  const query = plan.folded[0];
  for (const [id, p] of lexicon.pages) {
    const fields = nameFields(p);
    for (let tier = 0; tier < fields.length; tier++) {
      // Aliases are a list (NAME_LIST); each name is also tried whole, as the reader types it without the
      // punctuation that cuts it (党员“双亮”工程 → 党员双亮工程, so 党员双量 is near 党员双亮).
      const names = tier === 1 ? fields[tier].split(NAME_LIST) : [fields[tier]];
      const parts = [
        ...new Set(
          names.flatMap((name) => {
            const cut = name.split(/[\s\p{P}\p{S}]+/u).filter((n) => [...n].length >= 2);
            return cut.length > 1 ? [name.replace(/[\s\p{P}\p{S}]+/gu, ''), ...cut] : cut;
          }),
        ),
      ];
      const near = parts.map((part) => nearMatch(query, compact(fold(part, lexicon.folder)))).find(Boolean);
      if (near) {
        ids.set(id, [`近似：${near}`, near]);
        if (tier < bestTier) {
          bestTier = tier;
          suggestion = near;
        }
        break;
      }
    }
  }
  return { ids, suggestion };
}

/** What the search page offers beyond finding pages by terms. */
export interface Helpers {
  /**
   * Every page with one value of a Pagefind filter (a method family's `theme`, a domain's `domain`),
   * whatever the reader's filters.
   */
  filterPages?: (filter: NamedFacet['filter'], value: string) => Promise<Set<string>>;
  /** Loads names.json into `lexicon.pages`. */
  names?: () => Promise<void>;
}

/**
 * Names (names.json) are tried only for a single term that no title holds and that Pagefind finds
 * in at most this many pages: a typo (干群夜话会) holds pairs of few pages, while a word in many pages
 * is what the reader meant, and loading every name for it would cost the phone ~100 KB at 1,000 entries.
 */
export const NAME_CANDIDATES = 5;

/**
 * True when a term of three or more characters holds a pair of characters that no page holds, so
 * that no page can hold the term (失连党员: no page says 失连). Pagefind leaves a pair it does not
 * know out of its search, so for such a term it answers with every page holding the other pairs
 * (every page saying 党员), too many to take the term for a typo by their number alone.
 */
export async function holdsUnknownPair(term: string, find: Finder): Promise<boolean> {
  const chars = [...term];
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  const pairs = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  return (await Promise.all(pairs.map((p) => find([p])))).some((m) => m.size === 0);
}

/**
 * The query cut into its words, as a longer one would be, for a query whose only word is four
 * characters kept whole (换届选举), when no page holds it (pages say 换届 and 选举, never side by
 * side). Undefined for a question, a thesaurus topic (乡村振兴 is answered by its related words)
 * or a word the segmenter does not cut. The search ranks the cut plan when `shouldCutFirst` says
 * so, or when every candidate of the first plan has been read and none holds the word.
 */
export function shortQueryCut(query: string, plan: Plan, lexicon: Lexicon): Plan | undefined {
  const [word] = plan.words;
  if (plan.words.length !== 1 || plan.question || plan.related.has(word)) return undefined;
  const cut = planQuery(query, lexicon, { cutShort: true });
  return cut.words.length > 1 ? cut : undefined;
}

/**
 * True when the first plan's candidates need not be read before cutting (see shortQueryCut): there
 * are none, or its word holds a pair no page holds (Pagefind, leaving that pair out, answers with
 * pages that cannot hold the word); and no near name or related page stands among them.
 */
export async function shouldCutFirst(plan: Plan, ranked: Ranked[], find: Finder): Promise<boolean> {
  if (ranked.some((r) => r.named || r.group > GROUP.words)) return false;
  return !ranked.length || holdsUnknownPair(plan.words[0], find);
}

/** How a page found through a method family or a domain is marked (`Ranked.via`), as its info box names them. */
const THEME_VIA = '方法类别：';
const DOMAIN_VIA = '领域：';
const byFacet = (via: string | undefined) => !!via && (via.startsWith(THEME_VIA) || via.startsWith(DOMAIN_VIA));

/** A facet a query can name: its values in the lexicon (by folded label), its Pagefind filter and its mark. */
interface NamedFacet {
  filter: 'theme' | 'domain';
  values: (lexicon: Lexicon) => Map<string, [string, string]>;
  via: string;
}
const NAMED_FACETS: NamedFacet[] = [
  { filter: 'theme', values: (l) => l.themes, via: THEME_VIA },
  { filter: 'domain', values: (l) => l.domains, via: DOMAIN_VIA },
];

/**
 * Every candidate in its final order, from Pagefind's answers and the lexicon alone.
 * `find` is called once per distinct list of terms.
 */
export async function rankCandidates(
  plan: Plan,
  lexicon: Lexicon,
  find: Finder,
  helpers: Helpers = {},
): Promise<{ ranked: Ranked[]; suggestion?: string }> {
  const cache = new Map<string, Promise<Map<string, number>>>();
  const search = (terms: string[]) => {
    const key = terms.join('\u0000');
    if (!cache.has(key)) cache.set(key, find(terms));
    return cache.get(key)!;
  };
  const exact = plan.terms.length ? await search(plan.terms) : new Map<string, number>();
  const folded = sameList(plan.folded, plan.terms) ? exact : await search(plan.folded);
  const words = plan.words;
  const multi = !sameList(words, plan.folded);
  const perWord = await Promise.all(words.map((w) => search([w])));
  /**
   * Pages of the method families and domains named by `names` (folded), each with what names it
   * there (方法类别：…, 领域：…) and the label its info box shows.
   */
  const facetPages = async (names: string[]) => {
    const out = new Map<string, [via: string, label: string]>();
    for (const name of names)
      for (const { filter, values, via } of NAMED_FACETS) {
        const named = values(lexicon).get(name);
        if (!named) continue;
        const [value, label] = named;
        // Without Pagefind's filter (tests, the offline stand-in), a family's pages are read from names.json.
        const ids = helpers.filterPages
          ? await helpers.filterPages(filter, value)
          : filter === 'theme'
            ? new Set([...(lexicon.pages ?? [])].filter(([, p]) => p[4].split(NAME_LIST).includes(label)).map(([id]) => id))
            : new Set<string>();
        for (const id of ids) if (!out.has(id)) out.set(id, [`${via}${label}`, label]);
      }
    return out;
  };

  /**
   * How much a page is about the query: the sum of its Pagefind scores for every word and every
   * related word. A page that holds the topic and several of its related words, often, is more
   * about it than one that holds a single word once (信访维稳: a page on 上访 and 稳定 before one
   * that says 化解 once). Known before any page is read, so the order stays stable.
   */
  const about = new Map<string, number>();
  // Each word counts by the page's share of the best score for it, so a rare word (the topic as
  // typed, 矛盾纠纷) cannot outweigh every related word together.
  const addAbout = (m: Map<string, number>, weight = 1, to = about) => {
    const best = Math.max(0, ...m.values());
    if (best > 0) m.forEach((s, id) => to.set(id, (to.get(id) ?? 0) + (weight * s) / best));
  };
  /**
   * The same among a topic's own cases (`lead`), where the wording typed is one wording among its
   * related words: every case there is about the topic already, and one that says the typed phrase
   * once in passing (矛盾纠纷调解员) is not more about it than one that speaks of 调解 and 纠纷
   * throughout.
   */
  const leadAbout = new Map<string, number>();
  const relatedSets = await Promise.all(
    words.map(async (w, wi) => {
      const related = plan.related.get(w) ?? [];
      const sets = await Promise.all(related.map((r) => search([r])));
      const via = new Map<string, string>();
      related.forEach((r, i) => {
        sets[i].forEach((_, id) => {
          if (!via.has(id)) via.set(id, `相关词：${r}`);
        });
        // A word's related words together weigh as much as the word itself: a page holding the
        // word the reader typed stays ahead of one that holds more of its many related words.
        addAbout(sets[i], 1 / related.length);
        addAbout(sets[i], 1 / (related.length + 1), leadAbout);
      });
      addAbout(perWord[wi], 1 / (related.length + 1), leadAbout);
      for (const [id, [named, label]] of await facetPages([w, ...related])) {
        // The label stands in the page's info box, so Pagefind finds the page by it (and applies the filters).
        if ((await search([compact(fold(label, lexicon.folder))])).has(id)) via.set(id, named);
      }
      return via;
    }),
  );
  // Near names only when no name holds the query as typed (Pagefind's answer alone cannot tell:
  // it may return pages holding only some of the pairs).
  const inTitle = [...lexicon.titles.values()].some((t) => containsAll(fold(t, lexicon.folder), plan.folded));
  const few = new Set([...exact.keys(), ...folded.keys()]).size <= NAME_CANDIDATES;
  const tryNames = !!plan.pinyin || (plan.folded.length === 1 && !inTitle && (few || (await holdsUnknownPair(plan.folded[0], search))));
  if (tryNames && !lexicon.pages) await helpers.names?.();
  const named =
    !tryNames ||
    [...(lexicon.pages?.values() ?? [])].some((p) => nameFields(p).some((f) => containsAll(fold(f, lexicon.folder), plan.folded)));
  const names = named && !plan.pinyin ? { ids: new Map<string, [string, string]>() } : nameMatches(plan, lexicon);
  // Only pages Pagefind returns can be shown (and only they pass the filters).
  // A whole title is looked up by its parts (“乡情”工作法 → 乡情 工作法), as the reader's query would be.
  // A page found only by a near name or pinyin is as much about the query as it is about that
  // name (a page holding the query keeps its own order).
  for (const [id, [, name]] of names.ids) {
    const score = (await search(parseQuery(fold(name, lexicon.folder)))).get(id);
    if (score === undefined) names.ids.delete(id);
    else if (!exact.has(id) && !folded.has(id)) about.set(id, (about.get(id) ?? 0) + score);
  }

  const scores = new Map<string, number>();
  const add = (m: Map<string, number>) => m.forEach((s, id) => scores.set(id, Math.max(scores.get(id) ?? 0, s)));
  [exact, folded, ...perWord].forEach(add);
  for (const id of names.ids.keys()) scores.set(id, scores.get(id) ?? 0);
  for (const via of relatedSets) for (const id of via.keys()) scores.set(id, scores.get(id) ?? 0);

  perWord.forEach((m) => addAbout(m));
  // A dropped question verb weighs as half a word: it orders pages that answer the question as
  // worded before those that only hold its topics, and never outweighs a word the page lacks.
  for (const verb of plan.verbs ?? []) {
    const m = await search([verb]);
    addAbout(m, 0.5);
    addAbout(m, 0.5, leadAbout);
  }
  // A topic's own cases lead only when the query is the topic itself (矛盾纠纷, 一站式服务), or when
  // no page holds what was typed. A query that says more than its topic words (六个代办, whose 六个
  // is dropped; 便民服务代办, two topics in one alias) is a phrase: the pages holding it come first.
  const typedWhole = words.length === 1 && plan.folded.length === 1 && plan.folded[0] === words[0];
  const topic = words.length > 0 && words.every((w) => plan.related.has(w)) && (typedWhole || (!exact.size && !folded.size));
  /**
   * The words a title may hold for each word to be a main point of the page: the word and its
   * related words, but for a family's alias (一站式服务) not its family's other names (代办): they
   * name other practices of the family, not this one.
   */
  const isFamilyName = (r: string) => !!lexicon.familyAliases?.has(r) || lexicon.themes.has(r);
  const titleWords = words.map((w) => [
    w,
    ...(plan.related.get(w) ?? []).filter((r) => !(lexicon.familyAliases?.has(w) && isFamilyName(r))),
  ]);
  /** The method families (labels) each word names, itself or through its related words. */
  const wordThemes = words.map(
    (w) => new Set([w, ...(plan.related.get(w) ?? [])].map((n) => lexicon.themes.get(n)?.[1]).filter((l): l is string => !!l)),
  );
  const ranked = [...scores.keys()].map(
    (id): Ranked & { tier: number; titleLength: number; main: number; score: number; about: number } => {
      const named = names.ids.has(id);
      const direct = perWord.filter((m) => m.has(id)).length;
      const covered = words.filter((_, i) => perWord[i].has(id) || relatedSets[i].has(id)).length;
      let group: number;
      let via: string | undefined;
      if (exact.has(id)) group = GROUP.exact;
      else if (folded.has(id)) group = GROUP.folded;
      else if (multi && words.length && direct === words.length) group = GROUP.words;
      else if (named) group = GROUP.name;
      else if (words.length && covered === words.length) group = GROUP.related;
      else if (words.length > 2 && covered * 2 > words.length) group = GROUP.most;
      else group = GROUP.some;
      if (named) via = names.ids.get(id)![0];
      if (group >= GROUP.related && !via) via = relatedSets.find((m, i) => !perWord[i].has(id) && m.has(id))?.get(id);
      const title = lexicon.titles.get(id);
      const tierTerms = group === GROUP.exact ? plan.terms : group === GROUP.folded ? plan.folded : words;
      const tier = group <= GROUP.words ? titleTier(title, tierTerms, lexicon.folder, lexicon.places.get(id)) : 3;
      const titleLength = tier === 0 && title ? [...title].length : 0;
      // How many words are a main point of the page: its title holds the word (or a related word),
      // or its method family is the word or related to it. Within a group these pages come first,
      // so a topic's own cases lead the pages that only mention it in passing.
      const foldedTitle = title ? compact(fold(title, lexicon.folder)) : '';
      // A method family counts fully when it is the page's first (main) family, by half when the
      // page lists it after others (矛盾纠纷: 五字法 and 红花岭, mediation methods, before 三种方式,
      // whose third family it is). Not for a family's alias (流动党员): it names one practice of
      // the family, which a page mainly about the family need not describe.
      const main = words.reduce((n, w, i) => {
        const via = relatedSets[i].get(id);
        // A page has one domain: naming it is always its main point.
        const facet = via?.startsWith(DOMAIN_VIA)
          ? 1
          : via?.startsWith(THEME_VIA)
            ? !lexicon.mainTheme || lexicon.familyAliases?.has(w) || wordThemes[i].has(lexicon.mainTheme.get(id) ?? '')
              ? 1
              : 0.5
            : 0;
        return n + facet + (titleWords[i].some((r) => foldedTitle.includes(r)) ? 1 : 0);
      }, 0);
      const inMain = words.filter((w, i) => byFacet(relatedSets[i].get(id)) || titleWords[i].some((r) => foldedTitle.includes(r))).length;
      const lead = topic && inMain === words.length ? true : undefined;
      return {
        id,
        group,
        direct,
        covered,
        via,
        named,
        lead,
        tier,
        titleLength,
        main,
        score: scores.get(id) ?? 0,
        about: (lead ? leadAbout : about).get(id) ?? 0,
      };
    },
  );
  ranked.sort(
    (a, b) =>
      rankGroup(a, plan) - rankGroup(b, plan) ||
      a.tier - b.tier ||
      b.main - a.main ||
      a.titleLength - b.titleLength ||
      b.covered - a.covered ||
      b.about - a.about ||
      b.direct - a.direct ||
      b.score - a.score ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    ranked: ranked.map(({ id, group, direct, covered, via, named, lead }) => ({ id, group, direct, covered, via, named, lead })),
    suggestion: names.suggestion,
  };
}

/**
 * The group a page's text confirms (never better than predicted), or undefined when the page holds
 * none of what was asked: Pagefind's pairs were there, the phrase was not.
 */
export function verify(r: Ranked, text: string, plan: Plan, lexicon: Lexicon): Ranked | undefined {
  // Compacted once: pages are long and a topic may bring a dozen related words.
  const hay = compact(fold(text, lexicon.folder));
  const has = (w: string) => hay.includes(compact(w));
  // A related word is the library's guess, not the reader's: it counts only where it stands as a word
  // (务工 in 外出务工, not in 服务工作).
  const hasRelated = (w: string) => holdsAsWord(hay, compact(w));
  const direct = plan.words.filter(has).length;
  const related = plan.words.filter((w) => has(w) || (plan.related.get(w) ?? []).some(hasRelated) || byFacet(r.via)).length;
  const multi = !sameList(plan.words, plan.folded);
  const checks: [number, () => boolean][] = [
    [GROUP.exact, () => plan.terms.length > 0 && containsAll(text, plan.terms)],
    [GROUP.folded, () => plan.folded.length > 0 && plan.folded.every(has)],
    [GROUP.words, () => multi && plan.words.length > 0 && direct === plan.words.length],
    [GROUP.name, () => !!r.named],
    [GROUP.related, () => plan.words.length > 0 && related === plan.words.length],
    [GROUP.most, () => plan.words.length > 2 && related * 2 > plan.words.length],
    [GROUP.some, () => related > 0],
  ];
  for (const [group, ok] of checks) {
    if (group < r.group || !ok()) continue;
    // A page that holds the query needs no "near name" or pinyin note.
    const via = group <= GROUP.folded && r.via && /^(近似|拼音)/.test(r.via) ? undefined : r.via;
    return { ...r, group, direct, covered: related, via };
  }
  return undefined;
}

/** The label a result carries for a question or long query. */
export function coverageLabel(r: Ranked, plan: Plan): string | undefined {
  if (plan.words.length < 2 || r.group === GROUP.name) return undefined;
  return r.group <= GROUP.related ? '包含全部词' : '包含部分词';
}

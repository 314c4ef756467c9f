import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, makeFolder } from '../../src/lib/search-fold.ts';
import { containsAll, locate, sentenceExcerpt } from '../../src/lib/search.ts';
import {
  contentWords,
  cutKnown,
  editDistance,
  holdsAsWord,
  isQuestion,
  isStopWord,
  nearMatch,
  pinyinMatches,
  pinyinParts,
  pinyinQuery,
  QUESTION_WORDS,
  STOP_WORDS,
} from '../../src/lib/search-words.ts';
import {
  coverageLabel,
  GROUP,
  holdsUnknownPair,
  nameMatches,
  namesOf,
  pinyinWord,
  syllables,
  planQuery,
  rankCandidates,
  readLexicon,
  shortQueryCut,
  shouldCutFirst,
  verify,
  type LexiconFile,
  type LexiconPage,
  type NamesFile,
} from '../../src/lib/search-plan.ts';
import { lexiconFile, lexiconPage, pairsFor, pinyinOf, pinyinRow, traditionalPairs } from '../../src/lib/search-lexicon.node.ts';
import { textTokens, queryTokens, token } from '../../src/lib/grams.ts';
import { MAIN_BOOST, recordOf } from '../../src/lib/search-record.ts';
import { thesaurus, synonymsOf, variants } from '../../src/schema/vocab.ts';
import { thesaurusFileSchema, variantsFileSchema } from '../../src/schema/search-vocab.ts';

/** A lexicon row whose alias holds 、 (学先进、找差距、见行动, one name of the 正向激励 case). */
const zhengxiang = () =>
  lexiconPage({ title: '正向激励', aliases: ['典型激励', '学先进、找差距、见行动'], unit: '某县委', region: '河南', themes: [] });

const pairs = await traditionalPairs();
const folder = makeFolder(pairs, variants);

describe('folding', () => {
  it('folds traditional characters and reviewed variants, one character for one', () => {
    expect(fold('三本臺賬', folder)).toBe('三本台账');
    expect(fold('網格化管理', folder)).toBe('网格化管理');
    expect(fold('台帐', folder)).toBe('台账');
    expect(fold('帳', folder)).toBe('账');
    expect(fold('二〇一二年', folder)).toBe('二零一二年');
    const text = '三本臺賬、網格';
    expect([...fold(text, folder)]).toHaveLength([...text].length);
  });
  it('ignores 、 and · inside names but keeps other punctuation as a boundary', () => {
    expect(containsAll(fold('推行笑、问、听、析、讲五步法', folder), ['笑问听析讲'])).toBe(true);
    expect(containsAll(fold('背景。宁波', folder), ['景宁'])).toBe(false);
    expect(containsAll('推行笑、问、听、析、讲五步法', ['笑问听析讲'])).toBe(false);
  });
  it('leaves simplified text alone', () => {
    expect(fold('中江县推行台账工作法', folder)).toBe('中江县推行台账工作法');
  });
  it('ships the browser only the pairs the library needs', () => {
    const shipped = pairsFor(pairs, new Set(['台', '账']), folder);
    expect(shipped).toContain('臺台');
    expect(shipped).toContain('賬账');
    expect(shipped).not.toContain('網网');
  });
  it('indexes the folded text too, so a folded query finds a page written the other way', () => {
    const record = recordOf('/x/', '建立台帐', { meta: { title: '某法' }, filters: {} }, folder);
    const tokens = new Set(record.content.split(' '));
    for (const t of queryTokens(['台账'])) expect(tokens.has(t)).toBe(true);
    for (const t of queryTokens(['台帐'])) expect(tokens.has(t)).toBe(true);
    expect(textTokens('建立台帐').every((t) => tokens.has(t))).toBe(true);
  });
  it('validates the variant file: both sides the same length', () => {
    expect(() => variantsFileSchema.parse({ about: '', values: [{ from: '帐', to: '账目', note: 'x' }] })).toThrow(/same number/);
    expect(variants.some((v) => v.from === '帐' && v.to === '账')).toBe(true);
  });
  it('refuses a pair that undoes or chains another, a spelling listed twice, and punctuation', () => {
    const pair = (from: string, to: string) => ({ from, to, note: 'x' });
    // 账→帐 beside 帐→账 swapped the two: 台账 no longer found the pages written 台帐.
    const cycle = variantsFileSchema.safeParse({ about: '', values: [pair('帐', '账'), pair('账', '帐')] });
    expect(cycle.success).toBe(false);
    expect(cycle.error!.issues[0].message).toContain('互相抵消');
    expect(variantsFileSchema.safeParse({ about: '', values: [pair('帐', '账'), pair('帐', '賬')] }).success).toBe(false);
    expect(variantsFileSchema.safeParse({ about: '', values: [pair('党', '、')] }).success).toBe(false);
    expect(variantsFileSchema.safeParse({ about: '', values: [pair('帐', '账'), pair('图象', '图像')] }).success).toBe(true);
  });
});

describe('thesaurus', () => {
  it('is validated: a term appears once, related words have two characters', () => {
    expect(() => thesaurusFileSchema.parse({ about: '', topics: [{ term: '调解', related: ['化'] }] })).toThrow();
    expect(() =>
      thesaurusFileSchema.parse({
        about: '',
        topics: [
          { term: '调解', related: ['化解'] },
          { term: '调解', related: ['纠纷'] },
        ],
      }),
    ).toThrow(/twice/);
  });
  it('holds the editors’ topics and the method families’ aliases', () => {
    const related = (term: string) => thesaurus.find((t) => t.term === term)?.related ?? [];
    expect(related('矛盾纠纷')).toEqual(expect.arrayContaining(['调解', '化解', '纠纷']));
    expect(related('网格员')).toContain('网格');
    expect(related('纠纷调解')).toContain('矛盾调解');
    expect(related('矛盾调解')).toContain('纠纷调解');
    expect(synonymsOf('theme', 'bianmin-fuwu')).toEqual(expect.arrayContaining(['代办', '一站式服务', '便民服务']));
  });
  it('sends everyday words to words the pages use, and every related word is in at least two entries', () => {
    // 2026-12-03: 64 everyday and regional words, proposed by a helper from the entries and checked by grep.
    const related = (term: string) => thesaurus.find((t) => t.term === term)?.related ?? [];
    expect(related('私企')).toContain('民营企业');
    expect(related('吃低保')).toEqual(['低保']);
    expect(related('新农合')).toEqual(['合作医疗']);
    expect(related('扯皮')).toEqual(['推诿']);
    expect(related('楼门长')).toEqual(['楼栋长']);
    const texts = readdirSync('content/cases').map((f) => readFileSync(join('content/cases', f), 'utf8'));
    for (const term of ['私企', '民企', '吃低保', '新农合', '养老金', '扯皮', '踢皮球', '唠嗑', '讨薪', '托老所', '楼门长', '一键呼叫'])
      for (const word of related(term)) expect(texts.filter((t) => t.includes(word)).length, `${term} → ${word}`).toBeGreaterThanOrEqual(2);
  });
});

describe('stop words and questions', () => {
  it('knows question and function words', () => {
    for (const w of ['的', '怎么', '如何', '吗', '呢', '什么', '哪些', '工作']) expect(isStopWord(w), w).toBe(true);
    expect(isStopWord('台账')).toBe(false);
    expect(isStopWord('桥')).toBe(false);
  });
  it('derives the stop words from the question words without changing either list', () => {
    // The two lists as they stood before STOP_WORDS was derived from QUESTION_WORDS, and what was added since.
    const before = {
      stop: '怎么 怎样 如何 怎么样 怎么办 什么 哪些 哪个 哪里 为什么 为何 是否 有没有 能否 可否 请问 多少 好不好 行不行 对不对 能不能 会不会 要不要 该不该 是不是 的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 是 在 和 与 及 或 或者 以及 并 并且 也 都 就 还 又 而 之 其 这 那 这个 那个 这些 那些 有 个 为 以 对 把 被 让 给 向 从 到 跟 同 用 去 来 会 能 可以 应该 需要 要 想 做 搞 一 一下 一些 我 我们 你 你们 他 他们 她 它 自己 大家 工作 开展 进行 加强 推进 问题 方法 工作法',
      question: '怎么 怎样 如何 怎么样 怎么办 什么 哪些 为什么 为何 是否 能否 可否 请问',
    };
    // Added on 2026-12-03 (holdout-5): question words as cadres say them, and spoken fillers.
    const colloquial = {
      question: '咋 咋办 咋整 咋弄 咋搞 咋样 咋回事 啥 为啥 干啥 怎么回事 怎么弄 怎么整 怎么搞',
      stop: '该 咱 咱们 俺 俺们 呗 啦 哦 哈 好多 老是 总是 一直 到底 究竟 回事',
    };
    // Added on 2026-12-03 (holdout-6): who and can-or-not make a question; words the dictionary glues from
    // particles (就走, 见了, 都不) and the asking for "a way" (好办法) are stop words. 能不能 and 吗 were stop words already.
    const spoken = {
      question: '谁 谁来 谁能 能不能 可不可以 吗 有啥 啥样 啥事',
      stop: '没有 事 就是 还是 都是 也是 都不 也不 就不 不是 就走 见了 因为 所以 知道 不知道 觉得 出去 出来 回来 起来 家里 这里 那里 这儿 那儿 哪儿 这事 那事 以后 之后 以前 一个 几个 一块 一点 点儿 好些 有的 有些 有点 特别 非常 其实 成天 说说 讲讲 办法 好办法 法子 做法 招数 高招',
    };
    const words = (...lists: string[]) => [...new Set(lists.join(' ').split(' '))].sort();
    expect([...STOP_WORDS].sort()).toEqual(words(before.stop, colloquial.question, colloquial.stop, spoken.question, spoken.stop));
    expect([...QUESTION_WORDS].sort()).toEqual(words(before.question, colloquial.question, spoken.question));
    for (const w of QUESTION_WORDS) expect(isStopWord(w), w).toBe(true);
    // A question word makes a question (its restating verb 解决 goes); 哪个 alone does not.
    expect(contentWords(['群众办事难怎么解决'])).not.toContain('解决');
    expect(contentWords(['哪个', '解决'])).toEqual(['解决']);
  });
  it('cuts a question into the words a page should cover', () => {
    expect(contentWords(['农村党员怎么联系群众'])).toEqual(['农村', '党员', '联系', '群众']);
    expect(contentWords(['如何让群众监督村干部'])).toEqual(expect.arrayContaining(['群众', '监督']));
    expect(contentWords(['村干部报酬待遇怎么保障'])).toEqual(expect.arrayContaining(['报酬', '待遇', '保障']));
  });
  it('drops the "how is it done" verb of a question and yes-no form, but keeps them outside a question', () => {
    expect(contentWords(['群众办事难怎么解决'], new Set(['办事难']))).toEqual(['群众', '办事难']);
    expect(contentWords(['怎样评价干部作风好不好'], new Set(['干部作风']))).toEqual(['评价', '干部作风']);
    expect(contentWords(['解决'])).toEqual(['解决']);
    expect(contentWords(['非公企业怎么建立党组织'], new Set(['非公企业', '党组织']))).toEqual(['非公企业', '党组织']);
    expect(contentWords(['如何解决'])).toEqual(['解决']);
    expect(contentWords(['村民', '解决'])).toEqual(['村民', '解决']);
  });
  it('reads whole spoken questions: a clause of only asking adds nothing, who and can-or-not ask, glued fillers go', () => {
    // Before 2026-12-03 these kept 怎么做通工作, 就走, 见了, 出去, 家里 and 就是 as words a page had to hold,
    // and the last two were no questions at all (holdout-6).
    expect(contentWords(['群众跟公司因为租地的事闹僵了', '见了干部扭头就走', '怎么做通工作'])).toEqual([
      '群众',
      '公司',
      '租地',
      '闹僵',
      '干部',
      '扭头',
    ]);
    expect(contentWords(['爹妈都出去打工了', '家里的娃娃谁来照看'])).toEqual(['爹妈', '打工', '娃娃', '照看']);
    expect(isQuestion(['爹妈都出去打工了', '家里的娃娃谁来照看'])).toBe(true);
    expect(isQuestion(['选支部书记能不能让党员自己直接投票选出来'])).toBe(true);
    expect(contentWords(['支部过组织生活就是念文件', '党员都不爱来', '有什么好办法'])).toEqual(['支部', '组织', '生活', '文件', '党员']);
    expect(contentWords(['有没有台账'])).toEqual(['台账']);
    // A question mark asks, and 啥事 asks too; 以后, 一个 and 几个 are no topics.
    expect(isQuestion(['社区划了网格以后', '一个格子里配几个人', '各管啥事'])).toBe(true);
    expect(contentWords(['社区划了网格以后', '一个格子里配几个人'])).not.toEqual(expect.arrayContaining(['以后']));
  });
  it('counts a related word only where it stands as a word, and marks it only there', () => {
    // 务工 (related to 打工) was marked inside 服务工作法 in the snippet of a page found for 打工 (2026-12-03).
    expect(holdsAsWord('宁波市推行365社区服务工作法', '务工')).toBe(false);
    expect(holdsAsWord('青壮年外出务工者多', '务工')).toBe(true);
    expect(holdsAsWord('关爱留守儿童', '儿童')).toBe(true);
    expect(holdsAsWord('推行社区服务工作法，服务外来务工人员', '务工')).toBe(true);
    const text = '宁波市推行“365社区服务工作法”。社区为外来务工人员办实事。';
    const marked = (asWord?: Set<string>) =>
      sentenceExcerpt(text, ['务工'], { asWord })
        .filter((s) => s.mark)
        .map((s) => s.text);
    expect(marked()).toEqual(['务工']);
    expect(
      sentenceExcerpt(text, ['务工'], {})
        .map((s) => s.text)
        .join(''),
    ).toContain('365社区服务工作法');
    expect(
      sentenceExcerpt(text, ['务工'], { asWord: new Set(['务工']) })
        .map((s) => s.text)
        .join(''),
    ).toContain('外来务工人员');
    expect(
      sentenceExcerpt(text, ['务工'], { asWord: new Set(['务工']) })
        .map((s) => s.text)
        .join(''),
    ).not.toContain('365');
  });
  it('keeps short names and numbers whole', () => {
    expect(contentWords(['台账'])).toEqual(['台账']);
    expect(contentWords(['矛盾纠纷'])).toEqual(['矛盾纠纷']);
    expect(contentWords(['1+10'])).toEqual(['1+10']);
    expect(contentWords(['的'])).toEqual([]);
  });
  it('keeps a thesaurus topic inside a question whole', () => {
    const known = new Set(['矛盾纠纷', '邻里']);
    expect(cutKnown('怎样化解邻里矛盾纠纷', known)).toEqual(['怎样化解', '邻里', '矛盾纠纷']);
    // 化解 only restates the question's "how", as 解决 does: a mediation page need not say it.
    expect(contentWords(['怎样化解邻里矛盾纠纷'], known)).toEqual(['邻里', '矛盾纠纷']);
    expect(contentWords(['在职党员进社区'], new Set(['在职党员']))).toEqual(['在职党员', '社区']);
  });
});

describe('typo tolerance', () => {
  it('measures edit distance', () => {
    expect(editDistance('干群夜话会', '干群夜谈会')).toBe(1);
    expect(editDistance('民情日志', '民情日记')).toBe(1);
    expect(editDistance('走亲威', '走亲戚')).toBe(1);
    expect(editDistance('四议二公开', '四议两公开')).toBe(1);
    expect(editDistance('台账', '党员', 1)).toBe(2);
  });
  it('finds the part of a name within one character of the query', () => {
    expect(nearMatch('干群夜话会', '干群夜谈会')).toBe('干群夜谈会');
    expect(nearMatch('沃尔码', '深圳沃尔玛党支部')).toBe('沃尔玛');
    expect(nearMatch('阳光驿栈', '阳光驿站')).toBe('阳光驿站');
    expect(nearMatch('干群夜会', '干群夜谈会')).toBe('干群夜谈会');
    expect(nearMatch('量子计算', '干群夜谈会')).toBeUndefined();
    // Two characters are too short to guess from.
    expect(nearMatch('台帐', '台账工作法')).toBeUndefined();
  });
});

describe('pinyin', () => {
  it('computes full pinyin and initials at build time', () => {
    expect(pinyinOf('三本台账')).toEqual(['sanbentaizhang', 'sbtz']);
    expect(pinyinOf('“公推直选”')).toEqual(['gongtuizhixuan', 'gtzx']);
  });
  it('spells ü as v, as Chinese keyboards take it, on both sides', () => {
    expect(pinyinOf('绿园区')).toEqual(['lvyuanqu', 'lyq']);
    expect(pinyinQuery('lüyuan')).toBe('lvyuan');
    expect(pinyinQuery('LÜYUAN')).toBe('lvyuan');
  });
  it('splits a pinyin query typed with spaces into its words, two to four of them', () => {
    expect(pinyinParts('ganzhou  sansong')).toEqual(['ganzhou', 'sansong']);
    expect(pinyinParts('changchun lüyuan')).toEqual(['changchun', 'lvyuan']);
    expect(pinyinParts('sbtz')).toBeUndefined();
    expect(pinyinParts('a sansong')).toBeUndefined();
    expect(pinyinParts('赣州 sansong')).toBeUndefined();
    expect(pinyinParts('aa bb cc dd ee')).toBeUndefined();
  });
  it('matches initials and full pinyin prefixes, not stray letters', () => {
    expect(pinyinQuery('SBTZ')).toBe('sbtz');
    expect(pinyinQuery('gong tui zhi xuan')).toBe('gongtuizhixuan');
    expect(pinyinQuery('台账')).toBeUndefined();
    expect(pinyinMatches('sbtz', 'sanbentaizhang', 'sbtz')).toBe(true);
    expect(pinyinMatches('gongtuizhixuan', 'gongtuizhixuan', 'gtzx')).toBe(true);
    expect(pinyinMatches('sanben', 'sanbentaizhang', 'sbtz')).toBe(true);
    expect(pinyinMatches('zz', 'zuzhijianshe', 'zzjs')).toBe(false);
  });
  it('stores one spelling per name, in the order namesOf gives', () => {
    const row = lexiconPage({ title: '“台账工作法”', aliases: ['三本台账'], unit: '中江县', region: '四川 · 德阳市', themes: [] });
    expect(namesOf(row)).toEqual(['台账工作法', '三本台账', '中江县', '四川', '德阳市']);
    expect(pinyinRow(row).split(' ')[1]).toBe('sanbentaizhang:sbtz');
  });
  it('spells a title that punctuation cuts into parts also whole, so its initials find it', () => {
    const row = lexiconPage({ title: '“乡情”工作法', aliases: [], unit: '某社会组织', region: '广东', themes: [] });
    expect(namesOf(row)).toEqual(['乡情', '工作法', '某社会组织', '广东', '“乡情”工作法']);
    expect(pinyinRow(row).split(' ').at(-1)).toBe('xiangqinggongzuofa:xqgzf');
  });
  it('keeps an alias that holds 、 one name, also spelled whole', () => {
    // 、 is part of such a name; joined and split at 、 it came back as three names (学先进, 找差距, 见行动).
    const row = zhengxiang();
    expect(namesOf(row)).toEqual(['正向激励', '典型激励', '学先进', '找差距', '见行动', '某县委', '河南', '学先进、找差距、见行动']);
    expect(pinyinRow(row).split(' ').at(-1)).toBe('xuexianjinzhaochajujianxingdong:xxjzcjjxd');
  });
});

describe('ranking every candidate before reading', () => {
  const page = (title: string, aliases = '', themes = ''): LexiconPage => [title, aliases, '某单位', '四川', themes];
  const pages: NamesFile = {
    a: page('“台账工作法”', '三本台账', '民情收集与台账'),
    b: page('“干群夜谈会”'),
    c: page('某调解法', '', '矛盾调解'),
    d: page('“民情日记”'),
  };
  const file: LexiconFile = {
    fold: '臺台賬账',
    variants: [['帐', '账']],
    thesaurus: [
      ['矛盾纠纷', ['调解', '化解']],
      ['矛盾调解', ['纠纷调解']],
      ['纠纷调解', ['矛盾调解']],
    ],
    themes: [
      ['tiaojie-hexie', '矛盾调解'],
      ['minqing-shouji', '民情收集与台账'],
    ],
    titles: Object.fromEntries(Object.entries(pages).map(([id, p]) => [id, p[0]])),
  };
  const texts: Record<string, string> = {
    a: '“台账工作法”\n中江县推行三本台账，化解矛盾纠纷。',
    b: '“干群夜谈会”\n晚上召开干群夜谈会，联系群众。农村党员参加。',
    c: '某调解法\n方法类别\n矛盾调解\n设立调解室，调解邻里纠纷。',
    d: '“民情日记”\n党员记台帐。',
  };
  const lexicon = readLexicon(file, pages);
  const find = async (terms: string[]) => {
    const out = new Map<string, number>();
    for (const [id, text] of Object.entries(texts))
      if (containsAll(text, terms) || containsAll(fold(text, lexicon.folder), terms)) out.set(id, 1);
    return out;
  };
  const run = async (q: string) => {
    const plan = planQuery(q, lexicon);
    const { ranked, suggestion } = await rankCandidates(plan, lexicon, find);
    const confirmed = ranked.map((r) => verify(r, texts[r.id], plan, lexicon)).filter((r) => r !== undefined);
    return { plan, ranked, confirmed, suggestion };
  };
  it('reads a query ending in a question mark as a question', async () => {
    expect((await run('邻里纠纷调解室')).plan.question).toBeUndefined();
    expect((await run('邻里纠纷调解室？')).plan.question).toBe(true);
  });
  it('ranks a variant spelling together with the standard one, the method’s own entry first', async () => {
    const { confirmed } = await run('台帐');
    expect(confirmed.map((r) => [r.id, r.group])).toEqual([
      ['a', GROUP.folded],
      ['d', GROUP.exact],
    ]);
    expect((await run('三本臺賬')).confirmed[0].id).toBe('a');
  });
  it('lists a topic’s own cases (title or method family) before pages that only mention it', async () => {
    const { confirmed } = await run('矛盾纠纷');
    expect(confirmed.map((r) => r.id)).toEqual(['c', 'a']);
    expect(confirmed[0]).toMatchObject({ group: GROUP.related, lead: true });
    expect(confirmed[1]).toMatchObject({ group: GROUP.exact });
  });
  it('loads every page’s names only for a possible typo, never for a word pages hold', async () => {
    const lazy = readLexicon(file);
    let loads = 0;
    const names = async () => {
      loads++;
      lazy.pages = new Map(Object.entries(pages));
    };
    const exact = await rankCandidates(planQuery('台账', lazy), lazy, find, { names });
    expect(exact.ranked.map((r) => r.id)).toContain('a');
    expect(loads).toBe(0);
    const typo = await rankCandidates(planQuery('干群夜话会', lazy), lazy, find, { names });
    expect(loads).toBe(1);
    expect(typo.suggestion).toBe('干群夜谈会');
  });
  it('finds a method family’s pages through the theme filter when names are not loaded', async () => {
    const lazy = readLexicon(file);
    const asked: string[] = [];
    const filterPages = async (filter: string, value: string) => {
      if (filter === 'theme') asked.push(value);
      return new Set(value === 'tiaojie-hexie' ? ['c'] : []);
    };
    const { ranked } = await rankCandidates(planQuery('纠纷调解', lazy), lazy, find, { filterPages });
    expect(asked).toContain('tiaojie-hexie');
    expect(ranked.find((r) => r.id === 'c')?.via).toBe('方法类别：矛盾调解');
  });
  it('weighs the word typed above its many related words, and no word by its rarity alone', async () => {
    // Both pages hold 流动党员 and neither title does. x says it strongly; y says it weakly but
    // holds three of the six related words. Summed raw, y's related words would put it first.
    const lex = readLexicon({
      ...file,
      thesaurus: [['流动党员', ['外出党员', '流出党员', '流入党员', '党员管理', '报到', '驿站']]],
      titles: { x: '甲', y: '乙' },
    });
    const scores: Record<string, Record<string, number>> = {
      流动党员: { x: 1, y: 0.4 },
      外出党员: { y: 5 },
      流出党员: { y: 5 },
      党员管理: { y: 5 },
    };
    const find = async (terms: string[]) => new Map(Object.entries(scores[terms.join('')] ?? {}));
    const { ranked } = await rankCandidates(planQuery('流动党员', lex), lex, find);
    expect(ranked.map((r) => r.id)).toEqual(['x', 'y']);
  });
  it('matches a method family by its alias and says so', async () => {
    const { confirmed } = await run('纠纷调解');
    expect(confirmed.find((r) => r.id === 'c')?.via).toBe('方法类别：矛盾调解');
  });
  it('tries names for a typo whose pair no page holds, though Pagefind answers with many pages', async () => {
    // Pagefind leaves out a pair it does not know: for 失连党员 it answers with every page saying 党员.
    const many = Object.fromEntries(['p', 'q', 'r', 's', 't', 'u', 'v'].map((id) => [id, page(`第${id}个党员工作`)]));
    const all: NamesFile = { ...many, w: page('失联党员归队行动') };
    const lazy = readLexicon({ ...file, titles: Object.fromEntries(Object.entries(all).map(([id, p]) => [id, p[0]])) });
    let loads = 0;
    const names = async () => {
      loads++;
      lazy.pages = new Map(Object.entries(all));
    };
    const held = (terms: string[]) => terms.every((t) => !t.includes('失连') && !t.includes('连党'));
    const find = async (terms: string[]) => new Map(held(terms) ? Object.keys(all).map((id) => [id, 1] as [string, number]) : []);
    expect(await holdsUnknownPair('失连党员', find)).toBe(true);
    expect(await holdsUnknownPair('党员', find)).toBe(false);
    const { ranked, suggestion } = await rankCandidates(planQuery('失连党员', lazy), lazy, find, { names });
    expect(loads).toBe(1);
    expect(suggestion).toBe('失联党员');
    expect(ranked.find((r) => r.named)?.id).toBe('w');
  });
  it('finds a page by pinyin words that name different fields (a place and a method), only when no name is the whole query', () => {
    const row = (title: string, place: string): LexiconPage => [title, '', '某单位', place, ''];
    const pages: NamesFile = {
      a: row('“三送”工作', '江西 · 赣州市'),
      b: row('联系群众工作法', '江西 · 赣州市'),
      c: row('三送工作站', '湖南'),
    };
    const lex = readLexicon(file, pages);
    lex.pinyin = new Map(Object.entries(pages).map(([id, p]) => [id, pinyinRow(p)]));
    const ids = (q: string) => [...nameMatches(planQuery(q, lex), lex).ids.keys()];
    // One word may name the title and the other the place: only the page holding both is meant.
    expect(ids('ganzhou sansong')).toEqual(['a']);
    expect(nameMatches(planQuery('ganzhou sansong', lex), lex).ids.get('a')?.[0]).toBe('拼音：ganzhou sansong → 赣州市 三送');
    // Spelled by syllable, one name is the whole query: the words are not tried apart.
    expect(ids('san song')).toEqual(['a', 'c']);
    expect(ids('ganzhou beijing')).toEqual([]);
  });
  it('reads full pinyin as the word the names spell, so the word is searched in every page', () => {
    const row = (title: string, aliases = ''): LexiconPage => [title, aliases, '某单位', '江西 · 赣州市', ''];
    const pages: NamesFile = {
      a: row('“民情日记”工作法', '民情档案'),
      b: row('民情恳谈会'),
      c: row('三本台账', '台帐'),
      d: row('明清古镇'),
    };
    const lex = readLexicon(file, pages);
    lex.pinyin = new Map(Object.entries(pages).map(([id, p]) => [id, pinyinRow(p)]));
    // 民情 is in three names of two pages; 明清 (also mingqing, not minqing) is not what was typed.
    expect(pinyinWord('minqing', lex)).toBe('民情');
    expect(pinyinWord('minqingriji', lex)).toBe('民情日记');
    expect(pinyinWord('taizhang', lex)).toBe('台账');
    // Initials, one syllable, a typo and a word no name spells are left to the name matching.
    for (const q of ['mqrj', 'min', 'minqin', 'wangge']) expect(pinyinWord(q, lex), q).toBeUndefined();
  });
  it('cuts a name’s pinyin into its characters’ syllables by the initials', () => {
    expect(syllables('minqingriji', 'mqrj')).toEqual(['min', 'qing', 'ri', 'ji']);
    expect(syllables('zhongguo', 'zg')).toEqual(['zhong', 'guo']);
    expect(syllables('xian', 'xa')).toEqual(['xi', 'an']);
    expect(syllables('xian', 'x')).toEqual(['xian']);
    expect(syllables('lvyuanqu', 'lyq')).toEqual(['lv', 'yuan', 'qu']);
    expect(syllables('abc', 'ab')).toBeUndefined();
  });
  it('tries a name that punctuation cuts also whole, as readers type it', () => {
    const lex = readLexicon(file, { x: page('党员“双亮”工程') });
    expect(nameMatches(planQuery('党员双量', lex), lex)).toMatchObject({ suggestion: '党员双亮' });
  });
  it('cuts a four-character query that no page holds as typed into its words, and only then', async () => {
    const lex = readLexicon({ ...file, titles: { e: '某村', f: '另一村' } });
    const pages: Record<string, string> = { e: '某村\n村两委按期换届，党员大会差额选举支部书记。', f: '另一村\n召开党员大会。' };
    const find = async (terms: string[]) =>
      new Map(Object.entries(pages).flatMap(([id, text]) => (containsAll(text, terms) ? [[id, 1] as [string, number]] : [])));
    const plan = planQuery('换届选举', lex);
    expect(plan.words).toEqual(['换届选举']);
    expect((await rankCandidates(plan, lex, find)).ranked).toEqual([]);
    const cut = shortQueryCut('换届选举', plan, lex)!;
    expect(cut.words).toEqual(['换届', '选举']);
    expect((await rankCandidates(cut, lex, find)).ranked.map((r) => [r.id, r.group])).toEqual([['e', GROUP.words]]);
    // A query that is one word to the segmenter, a question or a thesaurus topic is left as it is.
    expect(shortQueryCut('党建述职', planQuery('党建述职', lex), lex)).toBeUndefined();
    expect(shortQueryCut('怎么选举', planQuery('怎么选举', lex), lex)).toBeUndefined();
    const topic = readLexicon({ ...file, thesaurus: [['换届选举', ['选举']]], titles: { e: '某村' } });
    expect(shortQueryCut('换届选举', planQuery('换届选举', topic), topic)).toBeUndefined();
    // Cut before reading: no candidate, or a pair no page holds (Pagefind leaves 届选 out and answers
    // with the pages holding the other pairs, which cannot hold 换届选举).
    expect(await shouldCutFirst(plan, [], find)).toBe(true);
    const unconfirmed = [{ id: 'e', group: GROUP.exact, direct: 1, covered: 1 }];
    expect(await shouldCutFirst(plan, unconfirmed, find)).toBe(true);
    // Candidates that may hold it whole are read first; a near name is never replaced.
    const holds = async () => new Map([['e', 1]]);
    expect(await shouldCutFirst(plan, unconfirmed, holds)).toBe(false);
    expect(await shouldCutFirst(plan, [{ ...unconfirmed[0], group: GROUP.name, named: true }], find)).toBe(false);
  });
  it('tries an alias that holds 、 whole, not as the pieces 、 sets apart', () => {
    const row = zhengxiang();
    const lex = readLexicon(file, { x: row });
    expect(nameMatches(planQuery('学先进找差巨见行动', lex), lex)).toMatchObject({ suggestion: '学先进找差距见行动' });
  });
  it('ranks a case from the place typed before a case that only mentions it, from the regions alone', async () => {
    const rows: NamesFile = { m: page('某工作法', '', ''), n: page('另一工作法', '', '') };
    rows.n[3] = '四川 · 德阳市 · 中江县';
    const written = lexiconFile({ pages: rows, pairs: '', variants: [], thesaurus: [], themes: [] });
    // The places are an array in the titles' order: the page ids are written once, and units are left out.
    expect(written.places).toEqual(['四川', '四川 德阳市 中江县']);
    const lex = readLexicon(written);
    expect(lex.places.get('n')).toBe('四川 德阳市 中江县');
    const find = async () =>
      new Map([
        ['m', 2],
        ['n', 1],
      ]);
    const { ranked } = await rankCandidates(planQuery('中江县', lex), lex, find);
    expect(ranked.map((r) => r.id)).toEqual(['n', 'm']);
  });
  it('offers the near name when nothing matches exactly', async () => {
    const { confirmed, suggestion } = await run('干群夜话会');
    expect(suggestion).toBe('干群夜谈会');
    expect(confirmed[0]).toMatchObject({ id: 'b', group: GROUP.name, via: '近似：干群夜谈会' });
  });
  it('ranks a question by the words it covers and labels the result', async () => {
    const { confirmed, plan } = await run('农村党员怎么联系群众');
    expect(confirmed[0]).toMatchObject({ id: 'b', group: GROUP.words });
    expect(coverageLabel(confirmed[0], plan)).toBe('包含全部词');
    const partial = confirmed.find((r) => r.id !== 'b');
    if (partial) expect(coverageLabel(partial, plan)).toBe('包含部分词');
  });
  it('matches pinyin through the separately loaded spellings', async () => {
    lexicon.pinyin = new Map(Object.entries(pages).map(([id, row]) => [id, pinyinRow(row)]));
    const { confirmed } = await run('sbtz');
    expect(confirmed[0]).toMatchObject({ id: 'a', group: GROUP.name, via: '拼音：sbtz → 三本台账' });
  });
  it('drops the near-name note from a page that turns out to hold the query', () => {
    const plan = planQuery('干群夜谈会', lexicon);
    const r = verify({ id: 'b', group: GROUP.exact, direct: 1, covered: 1, via: '近似：干群夜谈', named: true }, texts.b, plan, lexicon);
    expect(r).toMatchObject({ group: GROUP.exact, via: undefined });
  });
  it('refuses a stop word alone', () => {
    expect(planQuery('的', lexicon).tooCommon).toBe('的');
    expect(planQuery('工作', lexicon).tooCommon).toBe('工作');
    expect(planQuery('桥', lexicon).tooCommon).toBeUndefined();
  });
  it('gives the same order whatever order Pagefind answers in', async () => {
    const plan = planQuery('矛盾纠纷', lexicon);
    const reversed = async (terms: string[]) => new Map([...(await find(terms))].reverse());
    expect((await rankCandidates(plan, lexicon, reversed)).ranked).toEqual((await rankCandidates(plan, lexicon, find)).ranked);
  });
});

describe('snippets', () => {
  const text = '“台账工作法”\n实践单位\n中江县\n方法类别\n民情收集与台账\n建立三本台账。群众的问题一件件记进台账，限时办结。';
  const box: [number, number] = [8, 8 + [...'实践单位\n中江县\n方法类别\n民情收集与台账'].length];
  it('shows the body sentence around the match, never the title line or the info box', () => {
    const segments = sentenceExcerpt(text, ['台账'], { skip: [[0, 8], box] });
    const shown = segments.map((s) => s.text).join('');
    expect(shown).toBe('建立三本台账。');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['台账']);
  });
  it('opens with the summary when nothing matches in the text, and stops before the info box', () => {
    // A page found through its domain or a related word: nothing to mark, so the text's opening is shown.
    const withSummary = '“双向进入”\n党委与董事会双向进入。\n实践单位\n某国资委党委\n做法正文。';
    const summaryEnd = [...'“双向进入”\n党委与董事会双向进入。\n'].length;
    const boxOf: [number, number] = [summaryEnd, summaryEnd + [...'实践单位\n某国资委党委'].length];
    const shown = sentenceExcerpt(withSummary, ['国企党建'], { skip: [[0, 7], boxOf] });
    expect(shown.map((s) => s.text).join('')).toBe('党委与董事会双向进入。');
    // No summary: the box is passed over and the body opens the snippet.
    const boxFirst: [number, number] = [8, 8 + [...'实践单位\n中江县\n方法类别\n民情收集与台账'].length];
    expect(
      sentenceExcerpt(text, ['国企党建'], { skip: [[0, 8], boxFirst] })
        .map((s) => s.text)
        .join(''),
    ).toBe('建立三本台账。群众的问题一件件记进台账，限时办结。');
  });
  it('marks a folded match in the text as written', () => {
    const written = '群众的问题记进台帐。';
    const segments = sentenceExcerpt(written, ['台账'], { view: fold(written, folder) });
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['台帐']);
  });
  it('locates through quotes and ignored separators', () => {
    const written = '推行笑、问、听五步';
    expect(locate(written, ['笑问听'], fold(written, folder))).toEqual([[2, 7]]);
  });
});

describe('main points weigh more in the index', () => {
  const count = (content: string, tok: string) => content.split(' ').filter((t) => t === tok).length;
  it('repeats the pairs of the summary, aliases and first method family, once per main point holding them', () => {
    const pair = token('调', '解');
    const text = '某村的做法。调解纠纷。';
    const plain = recordOf('/cases/a/', text, { meta: { title: '甲' }, filters: {} });
    const main = recordOf('/cases/a/', text, { meta: { title: '甲' }, filters: {} }, undefined, ['调解纠纷的做法', '矛盾调解']);
    // Indexed once per text, however often the text says it...
    expect(count(plain.content, pair)).toBe(1);
    // ...and once more per repetition for each main point that holds it: a page about 调解 outscores one that mentions it.
    expect(count(main.content, pair)).toBe(1 + 2 * MAIN_BOOST);
    expect(main.meta.text).toBe(plain.meta.text);
  });
});

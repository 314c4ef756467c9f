/**
 * Ranking rules of issue 12, round 5: questions are not exact queries, a question's dropped verbs
 * still count, a topic's own cases are ordered by every wording alike with their main method
 * family first, and a family's alias is not its family's other practices. Pagefind is a map of
 * scores per term, so each test states exactly what the engine would answer.
 */
import { describe, expect, it } from 'vitest';
import { contentWords, isQuestion, questionVerbs } from '../../src/lib/search-words.ts';
import { GROUP, planQuery, rankCandidates, rankGroup, readLexicon, type LexiconFile, type NamesFile } from '../../src/lib/search-plan.ts';
import { lexiconFile, lexiconPage, mainThemes } from '../../src/lib/search-lexicon.node.ts';

const themes = [
  { id: 'tiaojie', label: '矛盾调解', aliases: ['纠纷调解'] },
  { id: 'bianmin', label: '便民代办服务', aliases: ['代办', '一站式服务'] },
];
const row = (title: string, families: string[]) => lexiconPage({ title, aliases: [], unit: '某单位', region: '四川', themes: families });

/** A lexicon as the build writes it, with the thesaurus lines the vocabulary adds for each family. */
function lexiconOf(pages: NamesFile, thesaurus: { term: string; related: string[] }[] = []) {
  const family = themes.flatMap((t) =>
    [t.label, ...t.aliases].map((name) => ({ term: name, related: [t.label, ...t.aliases].filter((n) => n !== name) })),
  );
  const file: LexiconFile = lexiconFile({ pages, pairs: '', variants: [], thesaurus: [...thesaurus, ...family], themes });
  return readLexicon(file);
}

/** Pagefind as a table: the pages holding each term with their scores. */
const finder = (scores: Record<string, Record<string, number>>) => async (terms: string[]) =>
  new Map(Object.entries(scores[terms.join(' ')] ?? {}));

/** The method-family filter: which pages list each family. */
const theme = (pages: NamesFile) => async (filter: string, value: string) => {
  if (filter !== 'theme') return new Set<string>();
  const label = themes.find((t) => t.id === value)!.label;
  return new Set(
    Object.entries(pages)
      .filter(([, p]) => p[4].split('、').includes(label))
      .map(([id]) => id),
  );
};

describe('questions', () => {
  it('tells a question and the verbs that only restate it', () => {
    const known = new Set(['非公企业', '党组织']);
    expect(isQuestion(['非公企业怎么建立党组织'], known)).toBe(true);
    expect(questionVerbs(['非公企业怎么建立党组织'], known)).toEqual(['建立']);
    // Not a question: every word is required, nothing is set aside.
    expect(isQuestion(['建立党组织'], known)).toBe(false);
    expect(questionVerbs(['建立党组织'], known)).toEqual([]);
    // A verb alone is what the reader asks for.
    expect(questionVerbs(['怎么', '解决'])).toEqual([]);
  });

  it('hears a question asked as cadres say it (咋办, 咋整, 咋回事, 啥)', () => {
    // Before 2026-12-03 these were no questions, and 咋, 该, 回事 stood among the words a page
    // had to hold (空该咋, 咋回事), so no page held them all (holdout-5).
    for (const q of ['晚上开群众会大家才有空该咋组织', '社区一到下班就关门咋整', '群众点单党员接单是咋回事', '党费交多少为啥'])
      expect(isQuestion([q]), q).toBe(true);
    const words = contentWords(['晚上开群众会大家才有空该咋组织']);
    for (const junk of ['咋', '该', '空该咋', '该咋']) expect(words).not.toContain(junk);
    expect(words).toEqual(expect.arrayContaining(['晚上', '群众', '组织']));
    expect(contentWords(['群众点单党员接单是咋回事'])).not.toContain('回事');
    expect(contentWords(['好多党员多年不交党费咋办'])).not.toContain('好多');
  });

  const pages: NamesFile = { w: row('某服务法', []), x: row('群众监督工作法', []) };
  const lex = lexiconOf(pages, [
    { term: '群众', related: ['居民'] },
    { term: '监督', related: ['公开'] },
    { term: '干部', related: ['村官'] },
  ]);
  // w holds the question word for word (in a 思考题) and each word once; x is about every word.
  const find = finder({
    如何让群众监督干部: { w: 1 },
    群众监督干部: { w: 1 },
    群众: { w: 0.2, x: 1 },
    监督: { w: 0.2, x: 1 },
    干部: { w: 0.2, x: 1 },
  });

  it('orders a page holding the whole question among the pages holding all its words', async () => {
    const plan = planQuery('如何让群众监督干部', lex);
    expect(plan.question).toBe(true);
    expect(plan.words).toEqual(['群众', '监督', '干部']);
    const { ranked } = await rankCandidates(plan, lex, find);
    expect(ranked.map((r) => r.id)).toEqual(['x', 'w']);
    // w is still known to hold the exact wording (the status line counts it), only not placed first.
    expect(ranked.find((r) => r.id === 'w')?.group).toBe(GROUP.exact);
    expect(
      rankGroup(
        ranked.find((r) => r.id === 'w')!,
        plan,
      ),
    ).toBe(GROUP.words);
  });

  it('keeps the exact wording first when the query is not a question', async () => {
    const plan = planQuery('群众监督干部', lex);
    expect(plan.question).toBeUndefined();
    const { ranked } = await rankCandidates(plan, lex, find);
    expect(ranked.map((r) => r.id)).toEqual(['w', 'x']);
  });

  it('counts a dropped verb towards aboutness: the page that also says it comes first', async () => {
    const rows: NamesFile = { d: row('定责共建', []), e: row('沃尔玛党建', []) };
    const l = lexiconOf(rows, [
      { term: '非公企业', related: ['外资企业'] },
      { term: '党组织', related: ['党支部'] },
    ]);
    const scores = { 非公企业: { d: 1, e: 0.8 }, 党组织: { d: 1, e: 0.9 }, 建立: { e: 1 } };
    const plan = planQuery('非公企业怎么建立党组织', l);
    expect(plan.verbs).toEqual(['建立']);
    expect(plan.words).toEqual(['非公企业', '党组织']);
    expect((await rankCandidates(plan, l, finder(scores))).ranked.map((r) => r.id)).toEqual(['e', 'd']);
    // Without the verb, d's higher scores for the two words put it first.
    const { 建立: _, ...without } = scores;
    expect((await rankCandidates(plan, l, finder(without))).ranked.map((r) => r.id)).toEqual(['d', 'e']);
  });
});

describe("a topic's own cases", () => {
  const thesaurus = [{ term: '矛盾纠纷', related: ['调解', '纠纷', '矛盾调解'] }];

  it('weighs the wording typed as one of the topic’s wordings among its own cases', async () => {
    // Both list 矛盾调解 first. p says 矛盾纠纷 once in passing; q speaks of 调解 and 纠纷 throughout.
    const pages: NamesFile = { p: row('某共建模式', ['矛盾调解']), q: row('某五字法', ['矛盾调解']) };
    const lex = lexiconOf(pages, thesaurus);
    const find = finder({ 矛盾纠纷: { p: 1 }, 调解: { q: 1, p: 0.1 }, 纠纷: { q: 1 }, 矛盾调解: { p: 1, q: 1 } });
    const { ranked } = await rankCandidates(planQuery('矛盾纠纷', lex), lex, find, { filterPages: theme(pages) });
    expect(ranked.map((r) => [r.id, r.lead])).toEqual([
      ['q', true],
      ['p', true],
    ]);
  });

  it('puts a case whose first method family is the topic before one that lists it after others', async () => {
    // n says more of the topic, but mediation is the third of its families; m is a mediation method.
    const pages: NamesFile = { m: row('某调和法', ['矛盾调解']), n: row('某综合法', ['便民代办服务', '矛盾调解']) };
    const lex = lexiconOf(pages, thesaurus);
    expect(lex.mainTheme?.get('m')).toBe('矛盾调解');
    expect(lex.mainTheme?.get('n')).toBe('便民代办服务');
    const find = finder({ 矛盾纠纷: { n: 1 }, 调解: { m: 0.5, n: 1 }, 纠纷: { n: 1 }, 矛盾调解: { m: 1, n: 1 } });
    const { ranked } = await rankCandidates(planQuery('矛盾纠纷', lex), lex, find, { filterPages: theme(pages) });
    expect(ranked.map((r) => r.id)).toEqual(['m', 'n']);
  });

  it('does not take a family’s other names in a title for its alias (一站式服务 is not 代办)', async () => {
    // s's title says 代办, another practice of the same family; t holds 一站式服务 itself.
    const pages: NamesFile = { s: row('村民事务代办', ['便民代办服务']), t: row('某便民法', ['便民代办服务']) };
    const lex = lexiconOf(pages);
    expect(lex.familyAliases?.has('一站式服务')).toBe(true);
    const find = finder({ 一站式服务: { t: 1 }, 代办: { s: 1, t: 0.2 }, 便民代办服务: { s: 1, t: 1 } });
    const { ranked } = await rankCandidates(planQuery('一站式服务', lex), lex, find, { filterPages: theme(pages) });
    expect(ranked.map((r) => r.id)).toEqual(['t', 's']);
  });
  it('puts the page holding a phrase first when the phrase says more than its topic (六个代办)', async () => {
    // s is a 代办 case (title) that never says 六个代办; u holds the phrase once, in its text.
    const pages: NamesFile = { s: row('村民事务代办', ['便民代办服务']), u: row('某红色物业法', ['党建引领']) };
    const lex = lexiconOf(pages);
    const find = finder({ 六个代办: { u: 1 }, 代办: { s: 1, u: 0.2 }, 一站式服务: {}, 便民代办服务: { s: 1 } });
    const plan = planQuery('六个代办', lex);
    expect(plan.words).toEqual(['代办']);
    const { ranked } = await rankCandidates(plan, lex, find, { filterPages: theme(pages) });
    expect(ranked.map((r) => [r.id, r.lead])).toEqual([
      ['u', undefined],
      ['s', undefined],
    ]);
    // Typed alone, 代办 is the topic itself: its own case leads.
    const alone = await rankCandidates(planQuery('代办', lex), lex, find, { filterPages: theme(pages) });
    expect(alone.ranked.map((r) => [r.id, r.lead])).toEqual([
      ['s', true],
      ['u', undefined],
    ]);
  });
});

describe('lexicon.json: main method families', () => {
  it('writes one letter per page, the first family’s place in the families, and reads it back', () => {
    const pages: NamesFile = { a: row('甲', ['便民代办服务', '矛盾调解']), b: row('乙', []), c: row('丙', ['矛盾调解']) };
    expect(mainThemes(Object.values(pages), themes)).toBe('b-a');
    const lex = lexiconOf(pages);
    expect([...(lex.mainTheme ?? [])]).toEqual([
      ['a', '便民代办服务'],
      ['c', '矛盾调解'],
    ]);
    // An older lexicon without the letters ranks as before (every family counts fully).
    const { mainThemes: _, ...old } = lexiconFile({ pages, pairs: '', variants: [], thesaurus: [], themes });
    expect(readLexicon(old).mainTheme).toBeUndefined();
  });
});

describe('a domain named by the query', () => {
  // As the vocabulary writes it: a domain's label and aliases lead to each other (src/schema/vocab.ts).
  const domains = [{ id: 'guoyou-qiye', label: '国有企业', aliases: ['国企党建'] }];
  const thesaurus = [
    { term: '国企党建', related: ['国有企业'] },
    { term: '国有企业', related: ['国企党建'] },
  ];
  // g is a state-owned firm's case that says 国有大中型企业, never 国有企业 or 国企党建; h is a county-wide
  // case that holds 国企党建 once; k mentions 国有企业 in passing.
  const pages: NamesFile = { g: row('某企业交叉任职', []), h: row('某全域党建', []), k: row('某支部创建', []) };
  const domainOf: Record<string, string> = { g: 'guoyou-qiye', h: 'tongchou', k: 'tongchou' };
  const find = finder({ 国企党建: { h: 1 }, 国有企业: { g: 0.5, k: 1 } });
  const lexiconWith = (withDomains: boolean) =>
    readLexicon(lexiconFile({ pages, pairs: '', variants: [], thesaurus, themes, ...(withDomains ? { domains } : {}) }));
  // The family filter of the other tests, and the domain filter over domainOf.
  const filterPages = async (filter: string, value: string) =>
    filter === 'domain' ? new Set(Object.keys(domainOf).filter((id) => domainOf[id] === value)) : theme(pages)(filter, value);

  it('leads with the domain’s cases (国企党建 → the 国有企业 domain)', async () => {
    const lex = lexiconWith(true);
    const { ranked } = await rankCandidates(planQuery('国企党建', lex), lex, find, { filterPages });
    expect(ranked.map((r) => [r.id, r.lead, r.via])).toEqual([
      ['g', true, '领域：国有企业'],
      ['h', undefined, undefined],
      ['k', undefined, '相关词：国有企业'],
    ]);
  });

  it('leaves the order to the words without the domain filter (as before domains were read)', async () => {
    const lex = lexiconWith(false);
    const { ranked } = await rankCandidates(planQuery('国企党建', lex), lex, find, { filterPages });
    expect(ranked.map((r) => r.id)).toEqual(['h', 'k', 'g']);
    expect(ranked.some((r) => r.lead)).toBe(false);
  });
});

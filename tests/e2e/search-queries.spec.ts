/**
 * What readers type, and what they must get: the expected entry first, every result containing
 * the query, and none of the pages that only hold its characters apart (the 平台/账户 kind).
 */
import { expect, test, type APIRequestContext, type Page } from './fixtures.ts';
import { searchDone, searchFor } from './search-done.ts';
import { base, caseIdOf } from './site.ts';

interface Case {
  /** The group the query belongs to: one step of the test per group. */
  group: string;
  q: string;
  first: string;
  /** Entries that must not appear at all. */
  absent?: string[];
}

const cases: Case[] = [
  // Method names
  { group: 'method names', q: '民情日记', first: 'minqing-riji-gongzuofa' },
  { group: 'method names', q: '台账工作法', first: 'zhongjiang-taizhang-gongzuofa' },
  { group: 'method names', q: '走亲戚', first: 'zou-qinqi-gongzuofa' },
  { group: 'method names', q: '六要', first: 'nanping-liuyao-qunzhong-gongzuofa' },
  { group: 'method names', q: '乡会村开', first: 'jingning-xianghui-cunkai' },
  { group: 'method names', q: '干群夜谈会', first: 'julu-ganqun-yetanhui' },
  { group: 'method names', q: '一核多元', first: 'shenzhen-nanshan-zhaoshang-yihe-duoyuan' },
  { group: 'method names', q: '红色股份', first: 'hunan-jishou-hongse-gufen' },
  { group: 'method names', q: '查述问评', first: 'fujian-fuzhou-cha-shu-wen-ping' },
  { group: 'method names', q: '阳光驿站', first: 'shanghai-pudong-yangguang-yizhan' },
  { group: 'method names', q: '点题服务', first: 'sinan-dianti-fuwu' },
  { group: 'method names', q: '五心工程', first: 'luoyang-yangwen-wuxin-gongcheng' },
  { group: 'method names', q: '群众档案', first: 'zhejiang-zhuji-anhua-qunzhong-dangan' },
  { group: 'method names', q: '零距离便民', first: 'ling-juli-bianmin-gongzuofa' },
  { group: 'method names', q: '最强党支部', first: 'neimenggu-mouqu-zuiqiang-dangzhibu-chuangjian' },
  // Numbers and mixed forms
  { group: 'numbers and mixed forms', q: '365', first: 'ningbo-365-shequ-fuwu-gongzuofa' },
  { group: 'numbers and mixed forms', q: '96345', first: 'zhejiang-jiaxing-96345-dangyuan-zhiyuan-fuwu' },
  { group: 'numbers and mixed forms', q: '1+10', first: 'hebei-raoyang-1jia10-dangyuan-lianxihu' },
  { group: 'numbers and mixed forms', q: '１＋４', first: 'huaian-1-jia-4-zutuan-fuwu' },
  { group: 'numbers and mixed forms', q: '“五个一”', first: 'chengde-wugeyi-bianmin-fuwu' },
  // Places
  { group: 'places', q: '中江', first: 'zhongjiang-taizhang-gongzuofa' },
  { group: 'places', q: '淋头村', first: 'minqing-riji-gongzuofa' },
  { group: 'places', q: '景宁', first: 'jingning-xianghui-cunkai' },
  { group: 'places', q: '凤县', first: 'shaanxi-fengxian-cunganbu-liuhua' },
  { group: 'places', q: '鲁山县', first: 'lushan-sanji-dangqun-zonghe-fuwu-wangluo' },
  // Units
  { group: 'units', q: '房产交易登记所', first: 'ling-juli-bianmin-gongzuofa' },
  { group: 'units', q: '沃尔玛', first: 'shenzhen-luohu-woerma-dangzhibu' },
  { group: 'units', q: '昭信', first: 'ningxin-juli-cu-zhuanxing-gongzuofa' },
  { group: 'units', q: '采盐分厂', first: 'caiyan-fenchang-dangyuan-shuangliang' },
  // Everyday words, and the 平台/账户 trap
  { group: 'everyday words and the 平台/账户 trap', q: '老旧小区', first: 'beijing-guangwai-minsheng-xiangmu-dangzhibu' },
  {
    group: 'everyday words and the 平台/账户 trap',
    q: '台账',
    first: 'zhongjiang-taizhang-gongzuofa',
    absent: ['ningxin-juli-cu-zhuanxing-gongzuofa', 'chunfeng-gongzuofa'],
  },
  {
    group: 'everyday words and the 平台/账户 trap',
    q: '中江 台账',
    first: 'zhongjiang-taizhang-gongzuofa',
    absent: ['minqing-riji-gongzuofa'],
  },
];

/** Checks one query on the search page that is open: typed into its box, waiting for its done signal. */
async function check(page: Page, request: APIRequestContext, { q, first, absent = [] }: Case) {
  await searchFor(page, q);
  const found = await page
    .locator('[data-search-results] h2 a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    .then((all) => all.map(caseIdOf));
  const kinds = await page.locator('[data-search-results] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.match));
  // Soft: every query of the group is checked and every miss named, not only the first.
  expect.soft(found[0], `${q} → first`).toBe(first);
  expect.soft(kinds[0], `${q}: the first result is an exact match`).toBe('exact');
  for (const id of absent) expect.soft(found, `${q} must not find ${id}`).not.toContain(id);
  // Every exact result holds the query as typed (after folding full-width forms and punctuation),
  // and they all come first. Since issue 12, related pages (thesaurus, method families) may follow them.
  const exact = kinds.filter((k) => k === 'exact').length;
  expect
    .soft(
      kinds.slice(0, exact).every((k) => k === 'exact'),
      `${q}: exact results first`,
    )
    .toBe(true);
  const terms = q.normalize('NFKC').replace(/[“”]/g, '').split(/\s+/);
  for (const id of found.slice(0, Math.min(5, exact))) {
    const text = (await (await request.get(`cases/${id}/`)).text()).normalize('NFKC');
    for (const term of terms) expect.soft(text, `${q}: ${id} should contain ${term}`).toContain(term);
  }
}

// One test, one search page: the queries are typed one after another, as a reader searching again
// would, so Pagefind starts once for the whole file rather than once per query or per group. Each
// group is a step named after the test it once was, so a failure still names the behaviour.
const groups = [...new Set(cases.map((c) => c.group))];
// Under /gzf/ the first query of each group (see site.ts): ranking does not depend on the base,
// while each query still loads the index, the lexicon and the result links under it.
const typed = base === '/' ? cases : groups.map((group) => cases.find((c) => c.group === group)!);
test('what readers type finds the expected entry first, and a common word reads the rest on request', async ({ page, request }) => {
  // A few seconds a query when idle; 30 s each leaves room for a heavily loaded 2-core machine.
  test.setTimeout(60_000 + 30_000 * typed.length);
  for (const group of groups) {
    const inGroup = typed.filter((c) => c.group === group);
    await test.step(`${group}: ${inGroup.map((c) => `${c.q} → ${c.first}`).join('; ')}`, async () => {
      for (const c of inGroup) await check(page, request, c);
    });
  }

  // 工作 alone is now a stop word that asks for a longer query (issue 12), so 党员, in more entries than
  // are read without asking, stands in for a common word.
  await test.step('a word common to every entry shows the first results and reads the rest on request', async () => {
    await searchFor(page, '党员');
    const status = page.locator('[data-search-status]');
    const shown = await page.locator('[data-search-results] > li').count();
    // 党员 stands in more entries than are read without asking (60).
    expect(shown).toBeGreaterThanOrEqual(10);
    await expect(status).toContainText('未查看');
    await page.getByRole('button', { name: '继续查找' }).click();
    await searchDone(page);
    await expect(page.getByRole('button', { name: '继续查找' })).toBeHidden();
    await expect(status).not.toContainText('未查看');
    expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(shown);
  });
});

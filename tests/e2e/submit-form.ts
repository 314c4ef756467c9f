import { type Page } from '@playwright/test';

/** A complete, valid /submit/ form, field by field; specs override the fields they test. */
export const validForm = {
  工作法名称: '“夜访”工作法',
  实践单位: '某县某村党支部',
  地级市: '德阳市',
  开始年份: '2012',
  摘要: '村党支部干部每周两个晚上入户走访，把群众反映的问题登记办理并回访。',
  位置: '第1-45行',
  背景: '这个村的青壮年白天外出务工，干部白天入户常常见不到人，群众反映的问题也就很难及时掌握，支部决定把走访改到晚上。',
  做法: '每周二、周四晚上，支部委员分片入户，每次走访不少于十户；听到的问题当场登记，办结后上门回访。',
  成效: '一年里干部共走访320户，登记问题87件，办结81件，群众对干部的满意度明显提高，村里的矛盾纠纷也少了。',
  启示: '联系群众要迁就群众的时间，而不是让群众迁就干部；登记、办理、回访三个环节缺一不可，才能让走访不走过场。',
  关键数字: '',
  别名: '',
  思考题: '你们的干部什么时候走访群众？\n登记下来的问题怎样保证件件有回音？',
  撰写人: '测试编辑',
};

/**
 * Opens /submit/ and fills every field, the given ones replaced; leaves the author field blurred,
 * so every field has been visited and its problems show. Waits for nothing: callers wait for the
 * result they test.
 */
export async function fillSubmitForm(page: Page, overrides: Partial<typeof validForm> = {}) {
  const v = { ...validForm, ...overrides };
  await page.goto('submit/');
  const field = (label: string) => page.getByLabel(label, { exact: false }).first();
  await field('工作法名称').fill(v.工作法名称);
  await field('实践单位').fill(v.实践单位);
  await page.locator('#f-province').selectOption('sichuan');
  await field('地级市').fill(v.地级市);
  await page.locator('#f-level').selectOption('村社区');
  await page.locator('#f-domain').selectOption('nongcun');
  await page.getByLabel('走访联系群众').check();
  if (v.开始年份) await field('开始年份').fill(v.开始年份);
  await field('摘要').fill(v.摘要);
  await page.locator('#f-source').selectOption('qunzhong-gongzuo-baodao-huibian');
  await field('位置').fill(v.位置);
  for (const section of ['背景', '做法', '成效', '启示'] as const) await page.locator(`#f-${section}`).fill(v[section]);
  if (v.关键数字) await field('关键数字').fill(v.关键数字);
  if (v.别名) await field('别名和组成部分').fill(v.别名);
  await field('思考题').fill(v.思考题);
  await field('撰写人').fill(v.撰写人);
  await field('撰写人').blur();
}

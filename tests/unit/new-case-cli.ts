/**
 * The scaffold command (`npm run new`) as the editors' tests run it: a copy of the library in a
 * git-ignored folder inside the project (so a build there resolves the content's modules), and the
 * flags of one draft. Shared by new-case.test.ts (the command) and editors.test.ts (its draft builds).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const root = new URL('../../', import.meta.url).pathname;

/** Every flag the command asks for, for a draft 「“夜访”工作法」 of 某县某村党支部. */
export const flags = [
  '--title',
  '“夜访”工作法',
  '--unit',
  '某县某村党支部',
  '--province',
  'sichuan',
  '--city',
  '德阳市',
  '--domain',
  'nongcun',
  '--themes',
  'zoufang-lianxi,minqing-shouji',
  '--source',
  'qunzhong-gongzuo-baodao-huibian',
  '--locator',
  '第1-45行',
  '--level',
  'cun-shequ',
  '--year',
  '2012',
];
/** A fresh copy of content/ (removed after the file's tests) and the command run on it. */
export function newCaseWorkspace() {
  mkdirSync(join(root, '.bench'), { recursive: true });
  const work = mkdtempSync(join(root, '.bench', 'new-case-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
  const runNew = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/new-case.ts', '--dir', join(work, 'content'), ...args], { cwd: root, encoding: 'utf8' });
  return { work, runNew };
}

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarGz, zip, type ArchiveFile } from '../../scripts/lib/archive.ts';

const files: ArchiveFile[] = [
  { name: 'gongzuofa-1.0.0/dist/index.html', data: Buffer.from('<!doctype html><p>首页</p>') },
  { name: 'gongzuofa-1.0.0/deploy/部署说明.md', data: Buffer.from('# 部署说明\n') },
  { name: `gongzuofa-1.0.0/dist/${'pagefind/fragment/'.repeat(5)}zh-cn_0123456789abcdef.pf_fragment`, data: Buffer.alloc(3000, 7) },
  { name: 'gongzuofa-1.0.0/dist/empty.txt', data: Buffer.alloc(0) },
];

/** Unpacks with the system's own tools (what an administrator uses), then compares every file. */
function unpackedMatches(dir: string) {
  for (const f of files) expect(readFileSync(join(dir, f.name)), f.name).toEqual(f.data);
}

describe('release archive writers', () => {
  const work = mkdtempSync(join(tmpdir(), 'archive-test-'));

  it('tar.gz unpacks with tar, long and Chinese names included', () => {
    const path = join(work, 'a.tar.gz');
    writeFileSync(path, tarGz(files));
    const out = join(work, 'tar');
    execFileSync('mkdir', ['-p', out]);
    execFileSync('tar', ['-xzf', path, '-C', out]);
    unpackedMatches(out);
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('zip unpacks with unzip and passes its integrity test', () => {
    const path = join(work, 'a.zip');
    writeFileSync(path, zip(files));
    execFileSync('unzip', ['-tq', path]);
    const out = join(work, 'zip');
    execFileSync('unzip', ['-q', path, '-d', out]);
    unpackedMatches(out);
    rmSync(work, { recursive: true, force: true });
  });
});

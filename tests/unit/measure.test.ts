/**
 * The benchmark's peak memory (scripts/lib/measure.ts): the processes of the tree are added up,
 * but a process read before it ran its own program (a fork on its way to exec, whose memory is
 * its parent's) is not counted again.
 */
import { describe, expect, it } from 'vitest';
import { peakKB, type ProcessSample } from '../../scripts/lib/measure.ts';

const node = '/usr/bin/node';
const pagefind = '/x/pagefind_extended';
const at = (pid: number, exe: string, kb: number): ProcessSample => ({ pid, exe, kb });

describe('peakKB', () => {
  it('adds up the processes running together', () => {
    expect(peakKB([[at(1, node, 100)], [at(1, node, 2_000), at(2, pagefind, 900)], [at(1, node, 2_500)]])).toBe(2_900);
  });
  it('leaves out a fork read before its exec, as the build process again', () => {
    const samples = [
      [at(1, node, 3_000)],
      // Pid 2 is the build process forked for Pagefind: the same program and, shared, the same memory.
      [at(1, node, 3_000), at(2, node, 2_900)],
      [at(1, node, 3_000), at(2, pagefind, 800)],
    ];
    expect(peakKB(samples)).toBe(3_800);
  });
  it('leaves out a fork of a worker thread even when it is never read after its exec', () => {
    const fork: ProcessSample = { pid: 3, exe: node, kb: 1_100, name: 'WorkerThread' };
    const samples = [
      [at(1, node, 2_900), fork],
      [at(1, node, 2_900), at(2, pagefind, 900)],
    ];
    expect(peakKB(samples)).toBe(3_800);
  });
  it('counts a child that keeps its program (a node process started by node)', () => {
    expect(peakKB([[at(1, node, 60), at(2, node, 1_500)], [at(1, node, 60)]])).toBe(1_560);
  });
  it('is nothing for no samples', () => {
    expect(peakKB([])).toBe(0);
  });
});

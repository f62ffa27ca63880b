import { describe, expect, it } from 'vitest';
import { spreadIndexes } from '../../scripts/lib/bench/measure';
import {
  longTasksOfSlices,
  phaseMedians,
  type RunSample,
  summarisePage,
} from '../../scripts/lib/bench/results';

const run = (overrides: Partial<RunSample>): RunSample => ({
  busyMs: 40,
  wallMs: 80,
  longestSliceMs: 20,
  longTasks: 0,
  longestTaskMs: 0,
  floorMs: 0.2,
  floorTextNodes: 300,
  phases: { extract: 10, names: 5, marks: 2 },
  peerMs: 90,
  hoverMs: [12, 6, 8],
  marks: 50,
  chars: 4000,
  words: 650,
  ...overrides,
});

describe('a page’s benchmark figures over its runs', () => {
  it('takes each ratio within a run before the median of the runs', () => {
    // Per run: 40/0.2 = 200, 60/0.2 = 300, 30/0.1 = 300 → median 300; medians of parts would give 40/0.2.
    const samples = [run({}), run({ busyMs: 60 }), run({ busyMs: 30, floorMs: 0.1 })];
    const result = summarisePage({ name: 'seed', kind: 'seed' }, samples, []);
    expect(result.passOverFloor).toBe(300);
    expect(result.busyMs).toBe(40);
    expect(result.floorMs).toBe(0.2);
    expect(result.peerOverFloor).toBe(450);
  });

  it('takes the median of each phase over the runs that entered it, in the order of the pass', () => {
    const samples = [
      run({ phases: { marks: 2, extract: 10, names: 5 } }),
      run({ phases: { extract: 14, names: 3 } }),
      run({ phases: { extract: 12, names: 4, marks: 6 } }),
    ];
    const medians = phaseMedians(samples);
    expect(medians).toEqual({ extract: 12, names: 4, marks: 4 });
    expect(Object.keys(medians)).toEqual(['extract', 'names', 'marks']);
  });

  it('reports the first card of each run apart from the cards after it', () => {
    const samples = [run({ hoverMs: [20, 5, 7] }), run({ hoverMs: [18, 9] }), run({ hoverMs: [] })];
    const result = summarisePage({ name: 'p', kind: 'corpus' }, samples, []);
    expect(result.hoverFirstMs).toBe(19);
    expect(result.hoverWarmMs).toBe(7);
  });

  it('counts long tasks by their median and keeps the worst run and the longest task', () => {
    const samples = [run({ longTasks: 0 }), run({ longTasks: 2, longestTaskMs: 61 }), run({ longTasks: 0 })];
    const result = summarisePage({ name: 'p', kind: 'generated' }, samples, []);
    expect(result.longTasks).toBe(0);
    expect(result.longTasksMax).toBe(2);
    expect(result.longestTaskMs).toBe(61);
  });

  it('measures the heap delta run by run in MB of 2^20 bytes', () => {
    const mb = 2 ** 20;
    const heap = [
      { withExtension: 13 * mb, without: 10 * mb },
      { withExtension: 14 * mb, without: 10 * mb },
      { withExtension: 12 * mb, without: 10 * mb },
    ];
    expect(summarisePage({ name: 'p', kind: 'corpus' }, [run({})], heap).heapDeltaMB).toBe(3);
  });

  it('leaves a ratio out of the median when the peer did not run', () => {
    const result = summarisePage({ name: 'p', kind: 'corpus' }, [run({ peerMs: null })], []);
    expect(result.peerOverFloor).toBeNaN();
  });
});

describe('long tasks of the content script', () => {
  it('counts only the long tasks that hold one of its slices', () => {
    const tasks = [
      [100, 60],
      [300, 80],
      [500, 55],
    ] as const;
    const slices = [
      [110, 150],
      [520, 540],
      [700, 720],
    ] as const;
    expect(longTasksOfSlices(tasks, slices)).toEqual({ count: 2, longestMs: 60 });
    expect(longTasksOfSlices(tasks, [])).toEqual({ count: 0, longestMs: 0 });
  });
});

describe('marks opened for hover timing', () => {
  it('takes the first mark and then marks evenly through the page', () => {
    expect(spreadIndexes(100, 4)).toEqual([0, 25, 50, 75]);
    expect(spreadIndexes(2, 4)).toEqual([0, 1]);
    expect(spreadIndexes(0, 4)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { BudgetVerdict } from '../../scripts/lib/bench/budgets';
import type { PageResult } from '../../scripts/lib/bench/results';
import {
  budgetTable,
  bundleTable,
  formatMicros,
  formatTable,
  pagesTable,
  phasesTable,
} from '../../scripts/lib/bench/table';

const result: PageResult = {
  page: 'seed',
  kind: 'seed',
  words: 643,
  chars: 3763,
  marks: 60,
  runs: 5,
  floorMs: 0.0072,
  floorTextNodes: 180,
  busyMs: 47.8,
  wallMs: 79.3,
  peerMs: 89.6,
  passOverFloor: 478,
  peerOverFloor: 896,
  longTasks: 0,
  longTasksMax: 1,
  longestTaskMs: 51,
  longestSliceMs: 24.4,
  hoverFirstMs: 12.4,
  hoverWarmMs: 8.1,
  heapDeltaMB: 3.3,
  phaseMs: { start: 1.2, extract: 21.4, names: 6.3, marks: 2.5 },
};

describe('the benchmark table', () => {
  it('left-aligns the first column, right-aligns the others and rules the header', () => {
    expect(
      formatTable(
        ['page', 'ms'],
        [
          ['seed', '8.4'],
          ['generated-10k', '178'],
        ],
      ),
    ).toBe(
      ['page            ms', '-------------  ---', 'seed           8.4', 'generated-10k  178'].join('\n'),
    );
  });

  it('shows floor, Backstory and the peer side by side as ratios to the floor', () => {
    const [header, , row] = pagesTable([result]).split('\n');
    expect(header).toMatch(/floor µs +Backstory +compromise/);
    expect(row).toMatch(
      /^seed +643 +60 +7\.2 +478× +896× +47\.8 +79\.3 +0 \(max 1\) +24\.4 +12\.4 \/ 8\.1 +3\.30$/,
    );
  });

  it('gives a floor below a millisecond in microseconds', () => {
    expect(formatMicros(0.0072)).toBe('7.2');
    expect(formatMicros(0.25)).toBe('250');
    expect(formatMicros(1.5)).toBe('1,500');
    expect(formatMicros(Number.NaN)).toBe('–');
  });

  it('lists the phases some page entered, in the order of the pass, with the pass total', () => {
    const other: PageResult = { ...result, page: 'bbc-1', busyMs: 30, phaseMs: { extract: 12, quotes: 0.4 } };
    const [header, , seed, bbc] = phasesTable([result, other]).split('\n');
    expect(header).toMatch(/^phase ms +start +extract +names +quotes +marks +pass$/);
    expect(seed).toMatch(/^seed +1\.2 +21\.4 +6\.3 +– +2\.5 +47\.8$/);
    expect(bbc).toMatch(/^bbc-1 +– +12\.0 +– +0\.4 +– +30\.0$/);
  });

  it('gives bundle sizes in kB, raw and gzip', () => {
    expect(bundleTable([{ file: 'background.js', bytes: 135_811, gzipBytes: 44_128 }]).split('\n')[2]).toBe(
      'background.js  135.8     44.1',
    );
  });

  it('sums each budget up as holding, or lists where it is broken with the figure', () => {
    const verdicts: BudgetVerdict[] = [
      { budget: 'pass cost ≤ 3× floor', scope: 'seed', measured: '478×', limit: '3×', holds: false },
      { budget: 'pass cost ≤ 3× floor', scope: 'bbc-1', measured: '2.1×', limit: '3×', holds: true },
      { budget: 'tab heap delta ≤ 5 MB', scope: 'seed', measured: '3.3 MB', limit: '5 MB', holds: true },
    ];
    const [, , pass, heap] = budgetTable(verdicts).split('\n');
    expect(pass).toMatch(/^pass cost ≤ 3× floor +BROKEN +1\/2 +seed 478×$/);
    expect(heap).toMatch(/^tab heap delta ≤ 5 MB +holds +1\/1$/);
  });
});

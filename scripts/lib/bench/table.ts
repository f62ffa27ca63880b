/**
 * The text `npm run bench` prints: one row per page (floor, Backstory and the peer side by side, the
 * ratios measured in the same page load), then the bundle sizes, the database figures and the budgets.
 */
import { BENCH_PHASES } from '../../../entrypoints/article.content/bench-meter';
import type { BudgetVerdict } from './budgets';
import type { PageResult } from './results';
import { formatMs, formatRatio } from './stats';

/** A plain-text table: the first column left-aligned, the others right-aligned; a rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A sub-millisecond time in microseconds: one decimal below 100 µs, whole numbers above. */
export function formatMicros(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const us = ms * 1000;
  return us >= 100 ? Math.round(us).toLocaleString('en') : us.toFixed(1);
}

const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');

export function pagesTable(pages: readonly PageResult[]): string {
  const header = [
    'page',
    'words',
    'marks',
    'floor µs',
    'Backstory',
    'compromise',
    'Backstory ms',
    'wall ms',
    'long tasks',
    'longest slice ms',
    'hover ms first/after',
    'heap Δ MB',
  ];
  const rows = pages.map((p) => [
    p.page,
    count(p.words),
    count(p.marks),
    formatMicros(p.floorMs),
    formatRatio(p.passOverFloor),
    formatRatio(p.peerOverFloor),
    formatMs(p.busyMs),
    formatMs(p.wallMs),
    p.longTasksMax > p.longTasks ? `${p.longTasks} (max ${p.longTasksMax})` : String(p.longTasks),
    formatMs(p.longestSliceMs),
    `${formatMs(p.hoverFirstMs)} / ${formatMs(p.hoverWarmMs)}`,
    Number.isFinite(p.heapDeltaMB) ? p.heapDeltaMB.toFixed(2) : '–',
  ]);
  return formatTable(header, rows);
}

/**
 * Where the pass's main-thread time goes: one column per phase the runs entered (medians over runs, so
 * a row need not add up to the median total exactly), then the total.
 */
export function phasesTable(pages: readonly PageResult[]): string {
  const phases = BENCH_PHASES.filter((phase) => pages.some((p) => p.phaseMs[phase] !== undefined));
  const rows = pages.map((p) => [
    p.page,
    ...phases.map((phase) => formatMs(p.phaseMs[phase] ?? Number.NaN)),
    formatMs(p.busyMs),
  ]);
  return formatTable(['phase ms', ...phases, 'pass'], rows);
}

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function bundleTable(files: readonly BundleFile[]): string {
  const kb = (n: number) => (n / 1000).toFixed(1);
  return formatTable(
    ['bundle file', 'kB', 'kB gzip'],
    files.map((f) => [f.file, kb(f.bytes), kb(f.gzipBytes)]),
  );
}

/** The rows of bench/db-results.json that the table shows; see scripts/bench-db.ts. */
export interface DbRow {
  aliases: number;
  importSeconds: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
  heapDeltaMB: number;
}

export function dbTable(rows: readonly DbRow[]): string {
  return formatTable(
    ['database aliases', 'import s', 'lookup ms median', 'p95', 'tab heap Δ MB vs starter'],
    rows.map((r) => [
      count(r.aliases),
      r.importSeconds.toFixed(1),
      r.lookupMedianMs.toFixed(1),
      r.lookupP95Ms.toFixed(1),
      r.heapDeltaMB.toFixed(1),
    ]),
  );
}

/**
 * One line per budget: where it holds, and each page or file where it is broken with the figure. A broken
 * budget with a waiver reads WAIVED; the reasons follow the table, one line each.
 */
export function budgetTable(verdicts: readonly BudgetVerdict[]): string {
  const budgets = [...new Set(verdicts.map((v) => v.budget))];
  const waivers: string[] = [];
  const rows = budgets.map((budget) => {
    const all = verdicts.filter((v) => v.budget === budget);
    const broken = all.filter((v) => !v.holds);
    const waiver = broken.find((v) => v.waiver)?.waiver;
    if (waiver) waivers.push(`WAIVED ${budget}: ${waiver}`);
    return [
      budget,
      broken.length === 0 ? 'holds' : waiver ? 'WAIVED' : 'BROKEN',
      `${all.length - broken.length}/${all.length}`,
      broken.map((v) => `${v.scope} ${v.measured}`).join('; '),
    ];
  });
  return [formatTable(['budget', 'verdict', 'holds on', 'broken on (measured)'], rows), ...waivers].join(
    '\n',
  );
}

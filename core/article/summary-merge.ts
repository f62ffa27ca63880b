/**
 * One popup summary for a page read in several passes (the article at load, an article appended by
 * infinite scroll, content rendered later): people and figures are counted across the passes, and the
 * page's URL, title and date are those of the newest pass, which has seen the latest navigation. What a
 * single-page app has removed (the article it navigated away from) is left out, by the ids of the marks
 * still on the page.
 */
import type {
  ArticleSummary,
  SummaryCapturedQuote,
  SummaryConflict,
  SummaryEntity,
  SummaryFigure,
  SummaryStatement,
} from '../../messaging/protocol';

function mergeEntities(parts: readonly ArticleSummary[]): SummaryEntity[] {
  const byId = new Map<string, SummaryEntity>();
  for (const entity of parts.flatMap((p) => p.entities)) {
    const seen = byId.get(entity.id);
    if (!seen) byId.set(entity.id, { ...entity });
    else {
      seen.mentions += entity.mentions;
      seen.known ||= entity.known;
      seen.role ??= entity.role;
    }
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function mergeFigures(parts: readonly ArticleSummary[]): SummaryFigure[] {
  const byKey = new Map<string, SummaryFigure>();
  for (const figure of parts.flatMap((p) => p.figures)) {
    const seen = byKey.get(figure.key);
    if (seen) seen.occurrences += figure.occurrences;
    else byKey.set(figure.key, { ...figure });
  }
  return [...byKey.values()];
}

/** Most relevant first; equal scores (or none) newest first. */
export function byRelevance(a: SummaryStatement, b: SummaryStatement): number {
  const d = (b.score ?? 0) - (a.score ?? 0);
  if (Math.abs(d) > 1e-9) return d;
  return a.statement.date < b.statement.date ? 1 : a.statement.date > b.statement.date ? -1 : 0;
}

/** The same statement reached from two passes is listed once; the most relevant to the article first. */
function mergeStatements(parts: readonly ArticleSummary[]): SummaryStatement[] {
  const byId = new Map<string, SummaryStatement>();
  for (const s of parts.flatMap((p) => p.statements)) {
    if (!byId.has(s.statement.id)) byId.set(s.statement.id, s);
  }
  return [...byId.values()].sort(byRelevance);
}

function mergeConflicts(parts: readonly ArticleSummary[]): SummaryConflict[] {
  const byKey = new Map<string, SummaryConflict>();
  for (const c of parts.flatMap((p) => p.conflicts)) {
    const key = `${c.entityId}\n${c.stated}`;
    if (!byKey.has(key)) byKey.set(key, c);
  }
  return [...byKey.values()];
}

/** The quotes the passes sent for capture, each speaker's text once. */
function mergeCaptured(parts: readonly ArticleSummary[]): SummaryCapturedQuote[] {
  const byKey = new Map<string, SummaryCapturedQuote>();
  for (const q of parts.flatMap((p) => p.captured ?? [])) {
    const key = `${q.speakerId}\n${q.text}`;
    if (!byKey.has(key)) byKey.set(key, q);
  }
  return [...byKey.values()];
}

/** A pass's summary cut down to the people and figures whose marks are still on the page. */
export function keepLive(summary: ArticleSummary, liveIds: ReadonlySet<string>): ArticleSummary {
  return {
    ...summary,
    entities: summary.entities.filter((e) => liveIds.has(e.id)),
    figures: summary.figures.filter((f) => liveIds.has(f.key)),
    statements: summary.statements.filter((s) => liveIds.has(s.speakerId)),
    conflicts: summary.conflicts.filter((c) => liveIds.has(c.entityId)),
    captured: summary.captured?.filter((q) => liveIds.has(q.speakerId)),
  };
}

/** The passes' summaries as one, oldest first; null when there is none. */
export function mergeSummaries(parts: readonly ArticleSummary[]): ArticleSummary | null {
  const newest = parts.at(-1);
  if (!newest) return null;
  return {
    url: newest.url,
    title: newest.title,
    articleDate: newest.articleDate,
    entities: mergeEntities(parts),
    figures: mergeFigures(parts),
    statements: mergeStatements(parts),
    conflicts: mergeConflicts(parts),
    captured: mergeCaptured(parts),
  };
}

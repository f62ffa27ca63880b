/**
 * What the article itself says: quotes by a name and the popup summary (figure cards: figure-context.ts).
 * All derived from one analysis, so the card and the popup agree.
 */

import type {
  ArticleSummary,
  EntityContext,
  SummaryConflict,
  SummaryEntity,
  SummaryFigure,
  SummaryStatement,
} from '../../messaging/protocol';
import { findNameMentions } from '../names/name-finder';
import type { AttributedQuote } from '../names/quote-extractor';
import { normaliseName } from '../text/normalise';
import type { ArticleAnalysis } from './article-analysis';
import type { ResolvedName } from './mark-resolution';
import type { RoleContext } from './role-context';
import { byRelevance } from './summary-merge';

/** Every normalised form of every name, with the names that use it. */
function namesByForm(names: readonly ResolvedName[]): Map<string, Set<ResolvedName>> {
  const index = new Map<string, Set<ResolvedName>>();
  for (const name of names)
    for (const form of name.cluster.forms) {
      const key = normaliseName(form);
      const holders = index.get(key) ?? new Set<ResolvedName>();
      holders.add(name);
      index.set(key, holders);
    }
  return index;
}

/**
 * The resolved name a quote's speaker string refers to, matched on the bare name's forms: the one name
 * that has a form normalising to the speaker's name, or null when none or several do.
 */
function speakerIn(speaker: string, byForm: Map<string, Set<ResolvedName>>): ResolvedName | null {
  const mention = findNameMentions(speaker)[0];
  if (!mention) return null;
  const hits = byForm.get(normaliseName(mention.name));
  return hits?.size === 1 ? ([...hits][0] ?? null) : null;
}

/**
 * The quotes of each name, in article order. Each speaker string is read once and each form normalised
 * once, so a long page with many names and quotes costs their sum, not their product.
 */
export function quotesByName(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
): Map<ResolvedName, AttributedQuote[]> {
  const byForm = namesByForm(names);
  const speakers = new Map<string, ResolvedName | null>();
  const out = new Map<ResolvedName, AttributedQuote[]>();
  for (const quote of analysis.quotes) {
    let speaker = speakers.get(quote.speaker);
    if (speaker === undefined) {
      speaker = speakerIn(quote.speaker, byForm);
      speakers.set(quote.speaker, speaker);
    }
    if (!speaker) continue;
    const list = out.get(speaker);
    if (list) list.push(quote);
    else out.set(speaker, [quote]);
  }
  return out;
}

export type { FigureContext, FigureElsewhere } from './figure-context';

/** How many statements the popup summary of one pass keeps: the most relevant to the article. */
const SUMMARY_STATEMENTS = 20;

/**
 * The statements of every person on the page (named, or referred to by a role phrase), most relevant to
 * the article first (`EntityContext.relevance`, set during the pass), newest first among equals.
 */
function summaryStatements(
  names: readonly ResolvedName[],
  phrases: Pick<RoleContext, 'phrases'>['phrases'],
): SummaryStatement[] {
  const seen = new Set<string>();
  const out: SummaryStatement[] = [];
  const add = (context: EntityContext, speakerId: string) => {
    if (seen.has(context.entity.id)) return;
    seen.add(context.entity.id);
    const relevance = new Map((context.relevance ?? []).map((r) => [r.id, r]));
    for (const statement of context.statements) {
      const r = relevance.get(statement.id);
      out.push({
        speaker: context.entity.name,
        speakerId,
        statement,
        ...(r ? { score: r.score, why: r.why } : {}),
      });
    }
  };
  for (const n of names) if (n.context) add(n.context, n.id);
  for (const { context } of phrases) add(context, context.entity.id);
  return out.sort(byRelevance).slice(0, SUMMARY_STATEMENTS);
}

export function buildSummary(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  meta: { url: string; title: string; articleDate: string | null },
  roles: Pick<RoleContext, 'phrases' | 'conflicts'> = { phrases: [], conflicts: new Map() },
): ArticleSummary {
  const entities: SummaryEntity[] = names.map((n) => ({
    id: n.id,
    kind: n.kind,
    name: n.context?.entity.name ?? n.cluster.canonical,
    known: n.context !== null,
    mentions: n.cluster.mentionIndexes.length,
    role: n.context?.roleOnDate?.title ?? null,
  }));
  // "the Prime Minister" is a mention of the person it names, who may never be named in the article.
  const byId = new Map<string, SummaryEntity>();
  for (const entity of entities) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  for (const { context, role } of roles.phrases) {
    const entry = byId.get(context.entity.id);
    if (entry) entry.mentions++;
    else {
      const added: SummaryEntity = {
        id: context.entity.id,
        kind: 'person',
        name: context.entity.name,
        known: true,
        mentions: 1,
        role: role.title,
      };
      entities.push(added);
      byId.set(added.id, added);
    }
  }
  const conflicts: SummaryConflict[] = [...roles.conflicts].flatMap(([ref, list]) => {
    const context = names[ref]?.context;
    return context
      ? list.map((c) => ({
          entityId: context.entity.id,
          name: context.entity.name,
          stated: c.stated,
          held: c.held,
        }))
      : [];
  });
  // Entities stay in article order here: the popup's summary is always merged (summary-merge.ts), which
  // orders them, and the first `localeCompare` of a page loads the collator (5–15 ms) on the pass.
  const figures = new Map<string, SummaryFigure>();
  for (const f of analysis.figures) {
    const entry = figures.get(f.key);
    if (entry) entry.occurrences++;
    else figures.set(f.key, { key: f.key, text: f.text, display: f.display, occurrences: 1 });
  }
  const statements = summaryStatements(names, roles.phrases);
  return { ...meta, entities, figures: [...figures.values()], statements, conflicts };
}

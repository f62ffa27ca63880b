/**
 * Phase 3 of a build, after entities are merged: statements from the seed article, HTML articles and
 * ClaimReviews, each speaker resolved against the merged entities (unresolved article quotes are dropped
 * and reported), and tombstones.
 */

import type { Entity, PackSourceInfo, Statement, Tombstone } from '../../../core/model';
import { SEED } from '../datasets';
import { type Article, readSeed } from '../read-seed';
import type { ReviewedClaim } from '../readers/claimreview';
import { claimRecords } from '../readers/claimreview-records';
import { readHtmlArticle } from '../readers/html-article';
import type { SpeakerResolver } from '../resolve-speaker';
import { statementsFrom } from '../statements';
import { append } from './append';
import { loadArticle, readArticleList } from './articles';
import type { InputKind, PackInput } from './inputs';
import { readTombstones } from './tombstones';

export interface StatementInputs {
  statements: Statement[];
  /** Entities made for ClaimReview authors the other inputs do not know. */
  newEntities: Entity[];
  tombstones: Tombstone[];
  seeds: Article[];
  sources: Map<InputKind, PackSourceInfo[]>;
  dates: string[];
  notes: string[];
}

function articleEntries(inputs: readonly PackInput[]): string[] {
  return inputs.flatMap((i) => {
    if (i.kind === 'article') return [i.path];
    if (i.kind === 'articles') return readArticleList(i.path);
    return [];
  });
}

function fromArticle(article: Article, resolver: SpeakerResolver, out: StatementInputs, where: string) {
  const { statements, dropped } = statementsFrom(article, resolver);
  append(out.statements, statements);
  for (const d of dropped)
    out.notes.push(`${where}: dropped quote (${d.reason}): [${d.speaker}] ${d.quote.slice(0, 60)}`);
  return statements.length;
}

async function readArticles(inputs: readonly PackInput[], resolver: SpeakerResolver, out: StatementInputs) {
  const sources: PackSourceInfo[] = [];
  for (const entry of articleEntries(inputs)) {
    const page = await loadArticle(entry);
    const result = readHtmlArticle(page.html, { file: page.file, url: page.url });
    if (!result.ok) {
      out.notes.push(`article: ${result.problem}; no statements`);
      continue;
    }
    const made = fromArticle(result.article, resolver, out, entry);
    out.notes.push(
      `article: ${entry}: ${made} statements (${result.article.publisher}, ${result.article.date})`,
    );
    if (made > 0) {
      sources.push(result.source);
      out.dates.push(result.article.date);
    }
  }
  out.sources.set('article', sources);
}

export async function readStatementInputs(
  inputs: readonly PackInput[],
  claims: readonly ReviewedClaim[],
  resolver: SpeakerResolver,
): Promise<StatementInputs> {
  const out: StatementInputs = {
    statements: [],
    newEntities: [],
    tombstones: [],
    seeds: [],
    sources: new Map(),
    dates: [],
    notes: [],
  };
  for (const input of inputs.filter((i) => i.kind === 'seed')) {
    const seed = readSeed(input.path);
    out.seeds.push(seed);
    fromArticle(seed, resolver, out, input.path);
    out.sources.set('seed', [SEED]);
    out.dates.push(seed.date);
  }
  await readArticles(inputs, resolver, out);
  const fromClaims = claimRecords(claims, resolver);
  append(out.statements, fromClaims.statements);
  append(out.newEntities, fromClaims.newEntities);
  append(
    out.dates,
    claims.map((c) => c.date),
  );
  for (const input of inputs.filter((i) => i.kind === 'tombstones')) {
    const tombstones = await readTombstones(input.path);
    append(out.tombstones, tombstones);
    append(
      out.dates,
      tombstones.map((t) => t.date),
    );
  }
  return out;
}

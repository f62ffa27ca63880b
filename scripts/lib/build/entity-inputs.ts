/**
 * Phase 1 of a build: the inputs that describe entities (datasets, curated offices, Popolo, Wikidata, and
 * the authors ClaimReviews identify by Q-id), read into merge fragments, plus the reference figures and
 * source notes they bring. Inputs are read in a fixed order of kinds, then in command-line order, so the
 * merge (where the first fragment wins a tie) does not depend on how the flags were typed.
 */

import { readFileSync } from 'node:fs';
import type { PackSourceInfo, ReferenceFigure } from '../../../core/model';
import { CURATED } from '../datasets';
import type { Fragment } from '../fragment';
import { type CuratedResult, readCurated } from '../read-curated';
import {
  type ClaimReviewResult,
  claimReviewsIn,
  claimReviewsInHtml,
  type ReviewedClaim,
} from '../readers/claimreview';
import { claimAuthorFragments } from '../readers/claimreview-records';
import { readPopoloJson } from '../readers/popolo';
import { readSharedDatasets } from '../readers/shared-datasets';
import { readWikidata } from '../readers/wikidata';
import { addLabels, emptyLabels } from '../readers/wikidata-labels';
import { append } from './append';
import type { InputKind, PackInput } from './inputs';

export interface EntityInputs {
  fragments: Fragment[];
  figures: ReferenceFigure[];
  claims: ReviewedClaim[];
  curated: { path: string; result: CuratedResult }[];
  givenNames: string[];
  /** Manifest sources by input kind. */
  sources: Map<InputKind, PackSourceInfo[]>;
  /** Dates the inputs declare for themselves (snapshots, dump edits, review dates). */
  dates: string[];
  notes: string[];
}

function ofKind(inputs: readonly PackInput[], kind: InputKind): string[] {
  return inputs.filter((i) => i.kind === kind).map((i) => i.path);
}

function addSources(into: EntityInputs, kind: InputKind, sources: readonly PackSourceInfo[]): void {
  into.sources.set(kind, [...(into.sources.get(kind) ?? []), ...sources]);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** A ClaimReview input is an HTML page (JSON-LD blocks) or a JSON-LD file, told apart by its first byte. */
export function readClaimReviewFile(path: string): ClaimReviewResult {
  const content = readFileSync(path, 'utf8');
  return /^\s*[[{]/.test(content) ? claimReviewsIn(readJson(path), path) : claimReviewsInHtml(content, path);
}

function claimReviewSource(path: string, claims: readonly ReviewedClaim[]): PackSourceInfo {
  const reviewers = [...new Set(claims.map((c) => c.reviewer))].sort();
  return {
    name: `ClaimReview: ${path.split('/').at(-1)} (${reviewers.join(', ')})`,
    licence: 'Fact-check markup as published by the fact-checker; claims quoted with attribution',
    attribution: `Fact-checks by ${reviewers.join(', ')}.`,
  };
}

export async function readEntityInputs(inputs: readonly PackInput[]): Promise<EntityInputs> {
  const out: EntityInputs = {
    fragments: [],
    figures: [],
    claims: [],
    curated: [],
    givenNames: [],
    sources: new Map(),
    dates: [],
    notes: [],
  };
  for (const path of ofKind(inputs, 'curated')) {
    const result = readCurated(path);
    out.curated.push({ path, result });
    append(out.fragments, result.fragments);
    addSources(out, 'curated', [CURATED]);
    out.dates.push(CURATED.snapshot);
  }
  const labels = emptyLabels();
  for (const path of ofKind(inputs, 'datasets')) {
    const datasets = readSharedDatasets(path);
    append(out.fragments, datasets.fragments);
    append(out.givenNames, datasets.givenNames);
    addSources(out, 'datasets', datasets.sources);
    addLabels(labels, datasets.labels);
    out.dates.push(datasets.newest);
    append(out.notes, datasets.notes);
  }
  for (const path of ofKind(inputs, 'popolo')) {
    const popolo = readPopoloJson(readJson(path), path);
    append(out.fragments, popolo.fragments);
    addSources(out, 'popolo', [popolo.source]);
    append(out.notes, popolo.problems);
  }
  const dumps = ofKind(inputs, 'wikidata');
  if (dumps.length > 0) {
    const wikidata = await readWikidata(dumps, ofKind(inputs, 'wikidata-labels'), labels);
    append(out.fragments, wikidata.fragments);
    append(out.figures, wikidata.figures);
    addSources(out, 'wikidata', wikidata.sources);
    if (wikidata.newest) out.dates.push(wikidata.newest);
    append(
      out.notes,
      wikidata.skipped.map((s) => `wikidata: ${s}`),
    );
  }
  for (const path of ofKind(inputs, 'claimreview')) {
    const { claims, problems } = readClaimReviewFile(path);
    append(out.claims, claims);
    append(out.fragments, claimAuthorFragments(claims));
    if (claims.length > 0) addSources(out, 'claimreview', [claimReviewSource(path, claims)]);
    append(
      out.dates,
      claims.flatMap((c) => (c.reviewDate ? [c.reviewDate] : [])),
    );
    append(
      out.notes,
      problems.map((p) => `claimreview: ${p}`),
    );
  }
  return out;
}

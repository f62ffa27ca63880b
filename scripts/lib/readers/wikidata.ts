/**
 * Reader for Wikidata JSON dumps (`latest-all.json[.gz]` or a filtered extract), streamed line by line in
 * two passes. Pass 1 keeps the compact record of every person, party and country. Pass 2 reads the same
 * files (and any label-only dumps) again for the labels and ISO codes of the positions, parties and
 * countries those records point at, parsing only the lines whose id is wanted. Memory holds the kept
 * records and the wanted ids, never the dump.
 */

import { basename } from 'node:path';
import type { PackSourceInfo, ReferenceFigure } from '../../../core/model';
import { append } from '../build/append';
import type { Fragment } from '../fragment';
import { readLines } from './lines';
import {
  isoCodeOf,
  parseDumpLine,
  referencedIds,
  toWikidataRecord,
  type WikidataRecord,
} from './wikidata-entity';
import { toFigures, toFragment, WIKIDATA_LICENCE } from './wikidata-fragment';
import { addLabels, emptyLabels, knows, type WikidataLabels } from './wikidata-labels';

export interface WikidataResult {
  fragments: Fragment[];
  figures: ReferenceFigure[];
  sources: PackSourceInfo[];
  /** Newest `modified` date among the kept entities, when the dump gives one. */
  newest?: string;
  /** What was left out and why. */
  skipped: string[];
}

/** `Source.dataset` of records from a dump file. */
export function wikidataDataset(path: string): string {
  return `Wikidata ${basename(path)}`;
}

export function wikidataSourceInfo(path: string): PackSourceInfo {
  return {
    name: `Wikidata JSON dump: ${basename(path)}`,
    url: 'https://www.wikidata.org/wiki/Wikidata:Database_download',
    licence: WIKIDATA_LICENCE,
    attribution: 'Data from Wikidata (CC0 1.0).',
  };
}

interface Kept {
  record: WikidataRecord;
  dataset: string;
}

async function firstPass(paths: readonly string[], skipped: string[]): Promise<Kept[]> {
  const kept = new Map<string, Kept>();
  for (const path of paths) {
    for await (const line of readLines(path)) {
      const entity = parseDumpLine(line.text, path, line.number);
      const record = entity && toWikidataRecord(entity);
      if (!record) continue;
      if (kept.has(record.qid)) skipped.push(`${record.qid}: also in ${path}:${line.number}; first kept`);
      else kept.set(record.qid, { record, dataset: wikidataDataset(path) });
    }
  }
  return [...kept.values()];
}

/** Labels the kept records give each other (a kept party names itself; a kept country has its code). */
function ownLabels(kept: readonly Kept[]): WikidataLabels {
  const labels = emptyLabels();
  for (const { record } of kept) {
    if (record.label) labels.labels.set(record.qid, record.label);
    if (record.iso2) labels.countries.set(record.qid, record.iso2);
  }
  return labels;
}

/** A dump line starts with its type and id; reading them without parsing skips most lines cheaply. */
const LEADING_ID = /^\s*\{"type":"[a-z]+","id":"([A-Z]\d+)"/;

async function secondPass(paths: readonly string[], wanted: Set<string>): Promise<WikidataLabels> {
  const found = emptyLabels();
  for (const path of paths) {
    if (wanted.size === 0) break;
    for await (const line of readLines(path)) {
      const id = LEADING_ID.exec(line.text)?.[1];
      if (id !== undefined && !wanted.has(id)) continue;
      const entity = parseDumpLine(line.text, path, line.number);
      if (!entity || !wanted.has(entity.id)) continue;
      const label = entity.labels?.en?.value;
      if (label) found.labels.set(entity.id, label);
      const iso2 = isoCodeOf(entity);
      if (iso2) found.countries.set(entity.id, iso2);
      wanted.delete(entity.id);
    }
  }
  return found;
}

/**
 * Reads `paths` (dumps whose people, parties and countries become pack records) and `labelPaths` (dumps
 * read only for labels). `known` holds what the other inputs already say about positions and countries.
 */
export async function readWikidata(
  paths: readonly string[],
  labelPaths: readonly string[],
  known: WikidataLabels,
): Promise<WikidataResult> {
  const skipped: string[] = [];
  const kept = await firstPass(paths, skipped);
  const labels = emptyLabels();
  addLabels(labels, known);
  addLabels(labels, ownLabels(kept));
  const wanted = new Set(kept.flatMap((k) => referencedIds(k.record)).filter((id) => !knows(labels, id)));
  addLabels(labels, await secondPass([...paths, ...labelPaths], wanted));

  const fragments: Fragment[] = [];
  const figures: ReferenceFigure[] = [];
  for (const { record, dataset } of kept) {
    const result = toFragment(record, labels, dataset);
    append(skipped, result.skipped);
    if (result.fragment) fragments.push(result.fragment);
    append(figures, toFigures(record, dataset));
  }
  const dates = kept.flatMap((k) => (k.record.modified ? [k.record.modified] : [])).sort();
  return {
    fragments,
    figures,
    sources: paths.map(wikidataSourceInfo),
    newest: dates.at(-1),
    skipped,
  };
}

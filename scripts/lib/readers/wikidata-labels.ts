/**
 * What the Wikidata reader needs to know about the Q-ids a person's claims point at: the title of each
 * position (P39), the name of each party (P102) and the ISO code of each country (P27). They come from the
 * dump itself (a second pass), from label-only dumps, and from the shared datasets (officeholder
 * positions.csv, jurisdictions, Popolo parties), which also give office keys for role phrases.
 */

export interface PositionInfo {
  title: string;
  /** Office key for role-phrase resolution, e.g. "us:president", when the datasets map the position. */
  office?: string;
  /** ISO 3166-1 alpha-2 country of the position, lower-case. */
  country?: string;
}

export interface WikidataLabels {
  positions: Map<string, PositionInfo>;
  /** English labels of any item (parties, and positions no dataset names). */
  labels: Map<string, string>;
  /** Country Q-id → ISO 3166-1 alpha-2, lower-case. */
  countries: Map<string, string>;
}

export function emptyLabels(): WikidataLabels {
  return { positions: new Map(), labels: new Map(), countries: new Map() };
}

/** Adds `more` to `into`; what `into` already holds wins, so earlier sources take precedence. */
export function addLabels(into: WikidataLabels, more: WikidataLabels): void {
  for (const [k, v] of more.positions) if (!into.positions.has(k)) into.positions.set(k, v);
  for (const [k, v] of more.labels) if (!into.labels.has(k)) into.labels.set(k, v);
  for (const [k, v] of more.countries) if (!into.countries.has(k)) into.countries.set(k, v);
}

export function knows(labels: WikidataLabels, qid: string): boolean {
  return labels.positions.has(qid) || labels.labels.has(qid) || labels.countries.has(qid);
}

/** The position's title and office: a dataset's mapping first, else its plain Wikidata label. */
export function positionInfo(labels: WikidataLabels, qid: string): PositionInfo | undefined {
  const known = labels.positions.get(qid);
  if (known) return known;
  const label = labels.labels.get(qid);
  return label ? { title: label.charAt(0).toUpperCase() + label.slice(1) } : undefined;
}

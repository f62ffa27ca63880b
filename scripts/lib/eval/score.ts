/**
 * Scoring for `npm run eval`: predicted marks against a page's gold annotations, counted as the corpus
 * README says, as distinct surface forms. Pure functions, so the counting rules have unit tests.
 */

/** One mark as read back from the page. */
export interface PageMark {
  kind: string;
  text: string;
  /** `role` for a role phrase ("the Prime Minister") resolved to a person; empty otherwise. */
  via: string;
  label: string;
  conflict: boolean;
}

export interface Gold {
  page?: string;
  published?: string;
  people: { name: string; mentions: string[] }[];
  figures: { text: string }[];
  role_phrases?: { text: string; refers_to: string }[];
  role_conflicts?: { mention: string }[];
}

export interface SetScore {
  /** Distinct predicted forms that are in the gold. */
  correct: string[];
  /** Distinct predicted forms not in the gold. */
  extra: string[];
  /** Gold forms never predicted. */
  missed: string[];
  predicted: number;
  gold: number;
}

/**
 * The comparison form of a surface text: what a reader sees. Soft hyphens and zero-width characters
 * vanish, every kind of space is one space, and the Unicode form is NFC.
 */
export function surface(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

export function scoreSets(predicted: Iterable<string>, gold: Iterable<string>): SetScore {
  const p = new Set([...predicted].map(surface));
  const g = new Set([...gold].map(surface));
  const correct = [...p].filter((t) => g.has(t));
  return {
    correct,
    extra: [...p].filter((t) => !g.has(t)),
    missed: [...g].filter((t) => !p.has(t)),
    predicted: p.size,
    gold: g.size,
  };
}

export interface PageScore {
  people: SetScore;
  figures: SetScore;
  /** Role phrases in the gold and whether a mark with that text names the right person. */
  rolePhrases: { text: string; refersTo: string; resolved: boolean }[];
  /** Role conflicts in the gold and whether a conflict mark covers the name. */
  roleConflicts: { mention: string; marked: boolean }[];
}

export function scorePage(marks: readonly PageMark[], gold: Gold): PageScore {
  const people = marks.filter((m) => m.kind === 'person' && m.via !== 'role').map((m) => m.text);
  const figures = marks.filter((m) => m.kind === 'figure').map((m) => m.text);
  const rolePhrases = (gold.role_phrases ?? []).map((r) => ({
    text: r.text,
    refersTo: r.refers_to,
    resolved: marks.some(
      (m) =>
        m.via === 'role' &&
        surface(m.text).toLowerCase() === surface(r.text).toLowerCase() &&
        m.label.includes(r.refers_to),
    ),
  }));
  const roleConflicts = (gold.role_conflicts ?? []).map((c) => ({
    mention: c.mention,
    marked: marks.some((m) => m.conflict && c.mention.includes(surface(m.text))),
  }));
  return {
    people: scoreSets(
      people,
      gold.people.flatMap((p) => p.mentions),
    ),
    figures: scoreSets(
      figures,
      gold.figures.map((f) => f.text),
    ),
    rolePhrases,
    roleConflicts,
  };
}

/** Sums per-page scores: precision and recall over all distinct forms of all pages (micro average). */
export function totals(scores: readonly SetScore[]): { correct: number; predicted: number; gold: number } {
  return scores.reduce(
    (acc, s) => ({
      correct: acc.correct + s.correct.length,
      predicted: acc.predicted + s.predicted,
      gold: acc.gold + s.gold,
    }),
    { correct: 0, predicted: 0, gold: 0 },
  );
}

export function percent(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

/**
 * Measures the figure parser against the hand-annotated corpus (../shared/corpus/*) and the seed
 * article. Figures are compared as distinct surface texts, as the gold files list them: a predicted
 * span counts as correct when its text equals a gold figure's `text`.
 *
 * Usage: `npx tsx scripts/eval-figures.ts [--verbose]` (BACKSTORY_SHARED overrides ../shared).
 * Reads the pages at run time only; nothing from them is written into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFigures } from '../core/figures/figure-parser';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.BACKSTORY_SHARED ?? resolve(REPO_ROOT, '..', 'shared');
const verbose = process.argv.includes('--verbose');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  pound: '£',
  euro: '€',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  deg: '°',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  middot: '·',
  bull: '•',
  laquo: '«',
  raquo: '»',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Visible text as the gold was checked against: tags dropped, entities decoded, ASCII whitespace collapsed. */
function htmlToText(html: string): string {
  const noScript = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ');
  return decodeEntities(noScript.replace(/<[^>]*>/g, ' '))
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

interface Page {
  name: string;
  text: string;
  gold: string[];
}

function loadPages(): Page[] {
  const pages: Page[] = [];
  const corpus = join(SHARED, 'corpus');
  for (const name of readdirSync(corpus).sort()) {
    const dir = join(corpus, name);
    if (!existsSync(join(dir, 'gold.json'))) continue;
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { figures: { text: string }[] };
    const text = htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8'));
    pages.push({ name, text, gold: gold.figures.map((f) => f.text) });
  }
  const seedDir = join(SHARED, 'seed');
  const seedFile = readdirSync(seedDir).find((f) => f.endsWith('.txt'));
  if (seedFile) {
    const raw = readFileSync(join(seedDir, seedFile), 'utf8');
    // The gold covers the article body only, from "Ukrainian President" to the end.
    const body = raw.slice(Math.max(0, raw.indexOf('Ukrainian President')));
    const gold = JSON.parse(readFileSync(join(seedDir, 'gold.json'), 'utf8')) as {
      figures: { text: string }[];
    };
    pages.push({ name: 'seed', text: body, gold: gold.figures.map((f) => f.text) });
  }
  return pages;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

let tp = 0;
let predicted = 0;
let goldTotal = 0;
let found = 0;
for (const page of loadPages()) {
  const spans = new Set(parseFigures(page.text).map((f) => f.text));
  const gold = new Set(page.gold);
  const correct = [...spans].filter((t) => gold.has(t));
  const missed = [...gold].filter((t) => !spans.has(t));
  const extra = [...spans].filter((t) => !gold.has(t));
  tp += correct.length;
  predicted += spans.size;
  goldTotal += gold.size;
  found += gold.size - missed.length;
  console.log(
    `${page.name.padEnd(12)} P ${pct(correct.length, spans.size).padStart(6)}  R ${pct(gold.size - missed.length, gold.size).padStart(6)}  (${correct.length}/${spans.size} predicted, ${gold.size - missed.length}/${gold.size} gold)`,
  );
  if (verbose || missed.length || extra.length) {
    if (missed.length) console.log(`    missed: ${missed.map((t) => JSON.stringify(t)).join(', ')}`);
    if (extra.length) console.log(`    extra:  ${extra.map((t) => JSON.stringify(t)).join(', ')}`);
  }
}
console.log(
  `TOTAL        P ${pct(tp, predicted)}  R ${pct(found, goldTotal)}  (${tp}/${predicted} predicted, ${found}/${goldTotal} gold)`,
);

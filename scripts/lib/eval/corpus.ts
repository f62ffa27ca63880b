/**
 * Finds the evaluation pages: a folder holding `gold.json` plus `source.html` or a `.txt` article is one
 * page; any other folder is searched one level down for such folders.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildTextPage } from '../../../tests/e2e/support/text-page';
import type { Gold } from './score';

export interface EvalPage {
  name: string;
  /** The HTML to serve: the publisher's page as is, or a page laid out from the `.txt`. */
  html: string;
  gold: Gold;
}

function pageIn(dir: string): EvalPage | null {
  const goldPath = join(dir, 'gold.json');
  if (!existsSync(goldPath)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const name = basename(dir);
  const source = join(dir, 'source.html');
  if (existsSync(source)) return { name, html: readFileSync(source, 'utf8'), gold };
  const txt = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  if (!txt) return null;
  return { name, html: buildTextPage(readFileSync(join(dir, txt), 'utf8'), { title: name }), gold };
}

export function findPages(dirs: readonly string[]): EvalPage[] {
  const pages: EvalPage[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const page = pageIn(dir);
    if (page) {
      pages.push(page);
      continue;
    }
    for (const entry of readdirSync(dir).sort()) {
      const sub = join(dir, entry);
      if (!statSync(sub).isDirectory()) continue;
      const found = pageIn(sub);
      if (found) pages.push(found);
    }
  }
  return pages;
}

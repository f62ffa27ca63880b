/**
 * The curated offices file backs some "still in office on <date>" claims with a sentence from the seed
 * article (`asOfEvidence`). A build that reads both checks that each sentence really occurs in the paragraph
 * it names; a build that reads the curated file without the seed cannot check, and stops.
 */
import { SEED } from '../datasets';
import { type CuratedOffice, curatedKey } from '../read-curated';
import type { Article } from '../read-seed';

export function checkCuratedEvidence(
  offices: readonly CuratedOffice[],
  seeds: readonly Article[],
  curatedPath: string,
): void {
  for (const o of offices) {
    const evidence = o.asOfEvidence;
    if (!evidence) continue;
    if (evidence.dataset !== SEED.label)
      throw new Error(
        `${curatedPath}: ${curatedKey(o)} asOfEvidence cites ${evidence.dataset}, which no reader checks`,
      );
    const seed = seeds[0];
    if (!seed)
      throw new Error(`${curatedPath}: ${curatedKey(o)} asOfEvidence cites the seed article; add --seed`);
    const n = Number(/^paragraph (\d+)$/.exec(evidence.record)?.[1]);
    if (!seed.paragraphs[n - 1]?.includes(evidence.text)) {
      throw new Error(
        `${curatedPath}: ${curatedKey(o)} asOfEvidence "${evidence.text}" is not in ${evidence.record}`,
      );
    }
  }
}

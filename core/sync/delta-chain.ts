/**
 * Which downloads take the installed version of a pack to the latest one: the shortest chain of deltas
 * (fewest steps, then fewest bytes), or the full pack when no chain leads there from what is installed,
 * nothing is installed, or the chain would cost at least as many bytes as the full pack. Pure: the index
 * in, a plan out.
 */
import { type DeltaEntry, entryBytes, type FullEntry, type SourceIndex } from './source-index-schema';

export type ChainPlan =
  | { kind: 'current'; version: string }
  | { kind: 'full'; entry: FullEntry; bytes: number }
  | { kind: 'deltas'; steps: DeltaEntry[]; bytes: number };

interface Reached {
  steps: DeltaEntry[];
  bytes: number;
}

/**
 * Breadth-first over versions, one layer per delta step. A version keeps the cheapest route of the first
 * layer that reaches it, so among shortest chains the one with fewer bytes wins; a version reached once
 * is never expanded again, so cycles end.
 */
function shortestChain(deltas: readonly DeltaEntry[], from: string, to: string): Reached | null {
  const outgoing = new Map<string, DeltaEntry[]>();
  for (const delta of deltas) outgoing.set(delta.from, [...(outgoing.get(delta.from) ?? []), delta]);
  const best = new Map<string, Reached>([[from, { steps: [], bytes: 0 }]]);
  let layer = [from];
  while (layer.length > 0 && !best.has(to)) {
    const next = new Map<string, Reached>();
    for (const version of layer) {
      const route = best.get(version);
      for (const delta of outgoing.get(version) ?? []) {
        if (!route || best.has(delta.to)) continue;
        const bytes = route.bytes + entryBytes(delta);
        const known = next.get(delta.to);
        if (!known || bytes < known.bytes) next.set(delta.to, { steps: [...route.steps, delta], bytes });
      }
    }
    for (const [version, route] of next) best.set(version, route);
    layer = [...next.keys()];
  }
  return best.get(to) ?? null;
}

/** The plan for a pack at `installed` (null when not installed) given the source's index. */
export function selectChain(installed: string | null, index: SourceIndex): ChainPlan {
  const latest = index.latest;
  if (installed === latest.version) return { kind: 'current', version: installed };
  const full: ChainPlan = { kind: 'full', entry: latest, bytes: entryBytes(latest) };
  if (installed === null) return full;
  const chain = shortestChain(index.deltas, installed, latest.version);
  if (!chain || chain.bytes >= full.bytes) return full;
  return { kind: 'deltas', steps: chain.steps, bytes: chain.bytes };
}

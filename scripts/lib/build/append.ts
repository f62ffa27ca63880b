/**
 * Appends items one by one. `target.push(...items)` passes every item as a call argument, which overflows
 * the stack at a few hundred thousand items: a large Wikidata extract gives that many entities.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/**
 * Database status for the popup: installed packs and record counts. The counts are stored on each pack
 * row at activation, so this reads one small table whatever the size of the database (counting a
 * million alias index entries would read them all).
 */
import type { DbStatus } from '../messaging/protocol';
import type { BackstoryDB } from './db';

export async function readDbStatus(db: BackstoryDB): Promise<DbStatus> {
  const packs = await db.packs.toArray();
  const sum = (count: (p: (typeof packs)[number]) => number) => packs.reduce((n, p) => n + count(p), 0);
  const lastUpdated =
    packs
      .map((p) => p.installedAt)
      .sort()
      .at(-1) ?? null;
  return {
    packs: packs.map((p) => ({
      id: p.id,
      title: p.title,
      version: p.version,
      installedAt: p.installedAt,
      entities: p.entities,
      statements: p.statements,
    })),
    entities: sum((p) => p.entities),
    statements: sum((p) => p.statements),
    aliases: sum((p) => p.aliases ?? 0),
    lastUpdated,
  };
}

/** Database status for the popup: installed packs and record counts. */
import type { DbStatus } from '../messaging/protocol';
import type { BackstoryDB } from './db';

export async function readDbStatus(db: BackstoryDB): Promise<DbStatus> {
  const [packs, entities, statements, aliases] = await Promise.all([
    db.packs.toArray(),
    db.entities.count(),
    db.statements.count(),
    db.entities
      .orderBy('aliasKeys')
      .keys()
      .then((keys) => keys.length),
  ]);
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
    entities,
    statements,
    aliases,
    lastUpdated,
  };
}

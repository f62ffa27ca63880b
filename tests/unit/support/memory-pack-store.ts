/**
 * An in-memory PackStore with the contract of the real one: stages are invisible until activated, a
 * rejected stage leaves nothing, activation is one swap, and a delta stage refuses to activate over a
 * version other than its base. User data (notes) lives beside the packs and is never reachable from the
 * PackStore interface, as in the database.
 */
import type { PackRecord, Tombstone } from '../../../core/model';
import type { PackStore, StageHandle, SyncManifest } from '../../../core/sync/pack-store';

interface Install {
  version: string;
  created: string;
  rows: Map<string, PackRecord>;
}

export interface MemoryHandle extends StageHandle {
  key: string;
  base: string | null;
  tombstones: Tombstone[];
}

export class MemoryPackStore implements PackStore<MemoryHandle> {
  readonly active = new Map<string, Install>();
  readonly staged = new Map<string, Install>();
  /** The user's notes, by entity id: never written by sync. */
  readonly notes = new Map<string, string>();
  /** Every call, in order, e.g. `stage starter@2`, `activate starter@2`, `discard starter@2`. */
  readonly calls: string[] = [];
  /** Set to make `activate` fail, as a full disk would. */
  failActivate: Error | null = null;

  install(packId: string, version: string, records: readonly PackRecord[], created = '2026-01-02'): void {
    this.active.set(packId, { version, created, rows: new Map(records.map((r) => [r.id, r])) });
  }

  async installedVersion(packId: string): Promise<string | null> {
    return this.active.get(packId)?.version ?? null;
  }

  async installedCreated(packId: string): Promise<string | null> {
    return this.active.get(packId)?.created ?? null;
  }

  async stage(
    packId: string,
    version: string,
    manifest: SyncManifest,
    records: AsyncIterable<PackRecord>,
    onProgress: (written: number) => void,
  ): Promise<MemoryHandle> {
    const key = `${packId}@${version}`;
    this.calls.push(`stage ${key}`);
    const base = manifest.delta?.from ?? null;
    const rows = new Map(base === null ? [] : (this.active.get(packId)?.rows ?? []));
    const install: Install = { version, created: manifest.created, rows };
    const tombstones: Tombstone[] = [];
    this.staged.set(key, install);
    let written = 0;
    try {
      for await (const record of records) {
        if (record.type === 'tombstone') tombstones.push(record);
        else rows.set(record.id, record);
        onProgress(++written);
      }
    } catch (error) {
      this.staged.delete(key);
      throw error;
    }
    const withdrawn = tombstones.filter((t) => rows.has(t.id)).length;
    return { packId, version, key, base, tombstones, records: rows.size - withdrawn };
  }

  async activate(handle: MemoryHandle): Promise<void> {
    this.calls.push(`activate ${handle.key}`);
    if (this.failActivate) throw this.failActivate;
    const install = this.staged.get(handle.key);
    if (!install) throw new Error(`no stage ${handle.key}`);
    const current = this.active.get(handle.packId)?.version ?? null;
    if (handle.base !== null && handle.base !== current)
      throw new Error('the base version is no longer active');
    // Tombstones withdraw rows from the new install and from every other pack, as the database does.
    for (const t of handle.tombstones) {
      install.rows.delete(t.id);
      for (const other of this.active.values()) other.rows.delete(t.id);
    }
    this.active.set(handle.packId, install);
    this.staged.delete(handle.key);
  }

  async discard(handle: MemoryHandle): Promise<void> {
    this.calls.push(`discard ${handle.key}`);
    this.staged.delete(handle.key);
  }

  /** Everything visible, as text, to compare before and after a failed sync. */
  snapshot(): string {
    const packs = [...this.active].map(([id, i]) => [id, i.version, [...i.rows.values()]]);
    return JSON.stringify({ packs, notes: [...this.notes] });
  }

  /** The ids visible in one pack, sorted. */
  ids(packId: string): string[] {
    return [...(this.active.get(packId)?.rows.keys() ?? [])].sort();
  }
}

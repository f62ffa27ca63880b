/**
 * What the sync engine needs from the database, and nothing more: the installed version of a pack, a
 * stage that writes a new version where no reader sees it, and the switch that makes it visible. The
 * Dexie implementation (storage/) is adapted to this interface by the background; the tests use an
 * in-memory one. The engine never sees user data (notes, pins, captured quotes), so sync cannot touch it.
 */
import type { PackManifest, PackRecord } from '../model';

/** A pack manifest as sync installs it: a delta's names the version its records apply to. */
export interface SyncManifest extends PackManifest {
  delta?: { from: string };
}

/** A finished stage, ready to activate or discard. Implementations add what they need to find it. */
export interface StageHandle {
  packId: string;
  version: string;
  /** Records the new version holds once active (for a delta: the active version's, changed). */
  records: number;
}

export interface PackStore<H extends StageHandle = StageHandle> {
  /** The active version of the pack, or null when it is not installed. */
  installedVersion(packId: string): Promise<string | null>;
  /** The `created` date (YYYY-MM-DD) of the active version's manifest, or null when not installed. */
  installedCreated(packId: string): Promise<string | null>;
  /**
   * Writes `version` of the pack where no reader sees it. Without `manifest.delta` the records are the
   * whole new version. With it, the new version starts as a copy of the active one (which is
   * `manifest.delta.from`), each record replaces or adds the row with its id, and tombstones withdraw
   * rows when the stage is activated. `onProgress` receives the records written so far.
   *
   * When this rejects, for any reason including `records` throwing, nothing it wrote may ever become
   * visible: the store removes it, or collects it as garbage later.
   */
  stage(
    packId: string,
    version: string,
    manifest: SyncManifest,
    records: AsyncIterable<PackRecord>,
    onProgress: (written: number) => void,
  ): Promise<H>;
  /**
   * Makes a staged version the active one in a single transaction: readers see the old version before
   * and the new one after, never a mix. Rejects, leaving the old version active, when the active version
   * is no longer the one a delta stage was built on.
   */
  activate(handle: H): Promise<void>;
  /** Drops a stage that will not be activated. Safe to call on a stage already partly collected. */
  discard(handle: H): Promise<void>;
}

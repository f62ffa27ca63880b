/**
 * One sync of one source: the index fetched conditionally and checked (signature first, when a key is
 * pinned), the shortest way from the installed version chosen, every file downloaded and verified and
 * every record validated, staged where no reader sees it, and only then activated. Any failure discards
 * the stage, so the database stays exactly as it was. No Dexie and no browser API: the store, `fetch`
 * and the online check are passed in.
 */
import {
  conditionalFetch,
  type FetchDeps,
  fetchRequired,
  readBody,
  type Validators,
} from './conditional-fetch';
import { type ChainPlan, selectChain } from './delta-chain';
import type { DownloadContext } from './entry-download';
import type { PackStore, StageHandle } from './pack-store';
import { MAX_INDEX_BYTES, parseSourceIndex, type SourceIndex } from './source-index-schema';
import { fatal, SyncError, type SyncErrorDetail, type SyncFileRef } from './sync-error';
import { installUpdate, type PreparedUpdate, prepareUpdate, type SyncProgress } from './update-install';
import { verifySignature } from './verify';

export type { SyncProgress } from './update-install';

export interface SyncSourceInput {
  /** The source's base URL; `index.json` is read from it. */
  url: string;
  /** Base64 of the Ed25519 public key pinned when the source was added; the index must be signed by it. */
  publicKey?: string | null;
  /** What the last successful check of this source left, to ask "has the index changed?". */
  previous?: { packId: string | null; version: string | null; validators: Validators | null } | null;
}

export interface SyncDeps<H extends StageHandle = StageHandle> extends FetchDeps {
  store: PackStore<H>;
  onProgress?: (progress: SyncProgress) => void;
}

export type SyncResult =
  | {
      status: 'updated';
      packId: string;
      from: string | null;
      version: string;
      /** Records in the new version. */
      records: number;
      /** 1 for a full pack or a single delta; the chain's length otherwise. */
      steps: number;
      kind: 'full' | 'deltas';
      validators: Validators;
    }
  | { status: 'unchanged'; packId: string | null; version: string | null; validators: Validators | null }
  | { status: 'failed'; error: SyncErrorDetail }
  | { status: 'offline' };

const MAX_SIGNATURE_BYTES = 1024;

/** The base URL with a trailing slash, so relative paths resolve below it. */
export function sourceBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The stored validators, unless the store no longer holds what they describe (a wiped database). */
async function usableValidators(
  source: SyncSourceInput,
  store: PackStore<StageHandle>,
): Promise<Validators | null> {
  const previous = source.previous;
  if (!previous?.validators || !previous.packId || !previous.version) return null;
  return (await store.installedVersion(previous.packId)) === previous.version ? previous.validators : null;
}

async function checkSignature(base: string, index: Uint8Array<ArrayBuffer>, key: string, deps: FetchDeps) {
  const ref = { source: base, file: 'index.json.sig' };
  const response = await fetchRequired(new URL(ref.file, base).href, ref, deps);
  const text = new TextDecoder().decode(await readBody(response, MAX_SIGNATURE_BYTES, ref));
  await verifySignature(index, text, key, ref);
}

function parseIndex(body: Uint8Array, ref: SyncFileRef): SourceIndex {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw fatal(ref, 'not valid JSON');
  }
  try {
    return parseSourceIndex(json);
  } catch (error) {
    throw fatal(ref, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Refuses a version whose manifest was created before the installed one's. Without this, anyone who can
 * answer for the source (or replay its old, validly signed index) could roll users back to a pack whose
 * records have since been corrected. A publisher who must withdraw a version publishes a newer one.
 */
async function refuseRollback(
  update: PreparedUpdate,
  plan: Exclude<ChainPlan, { kind: 'current' }>,
  base: string,
  store: PackStore<StageHandle>,
): Promise<void> {
  const installed = await store.installedCreated(update.manifest.id);
  if (installed === null || update.manifest.created >= installed) return;
  const folder = plan.kind === 'full' ? plan.entry.path : (plan.steps.at(-1)?.path ?? '');
  throw fatal(
    { source: base, file: `${folder}manifest.json` },
    `version ${update.manifest.version} was created on ${update.manifest.created}, before the installed version (${installed}); a source may not roll a pack back`,
  );
}

async function run<H extends StageHandle>(source: SyncSourceInput, deps: SyncDeps<H>): Promise<SyncResult> {
  const base = sourceBase(source.url);
  const indexRef = { source: base, file: 'index.json' };
  const previous = source.previous ?? null;
  const outcome = await conditionalFetch(
    new URL('index.json', base).href,
    indexRef,
    deps,
    await usableValidators(source, deps.store),
  );
  if (outcome.status === 'offline') return { status: 'offline' };
  if (outcome.status === 'not-modified')
    return {
      status: 'unchanged',
      packId: previous?.packId ?? null,
      version: previous?.version ?? null,
      validators: previous?.validators ?? null,
    };
  const body = await readBody(outcome.response, MAX_INDEX_BYTES, indexRef);
  if (source.publicKey) await checkSignature(base, body, source.publicKey, deps);
  const index = parseIndex(body, indexRef);
  const installed = await deps.store.installedVersion(index.packId);
  const plan = selectChain(installed, index);
  if (plan.kind === 'current')
    return {
      status: 'unchanged',
      packId: index.packId,
      version: plan.version,
      validators: outcome.validators,
    };
  let downloaded = 0;
  const ctx: DownloadContext = {
    ...deps,
    base,
    onBytes: (bytes) => {
      downloaded += bytes;
      deps.onProgress?.({ phase: 'downloading', done: downloaded, total: plan.bytes });
    },
  };
  const update = await prepareUpdate(plan, index.packId, ctx);
  await refuseRollback(update, plan, base, deps.store);
  const handle = await installUpdate(update, installed, deps.store, deps.onProgress);
  return {
    status: 'updated',
    packId: index.packId,
    from: installed,
    version: index.latest.version,
    records: handle.records,
    steps: plan.kind === 'full' ? 1 : plan.steps.length,
    kind: plan.kind,
    validators: outcome.validators,
  };
}

/**
 * Syncs one source. Never throws: every outcome is a result the UI can show. `failed` names the source,
 * the file and the reason, and the store is as it was before the call.
 */
export async function syncSource<H extends StageHandle>(
  source: SyncSourceInput,
  deps: SyncDeps<H>,
): Promise<SyncResult> {
  try {
    return await run(source, deps);
  } catch (error) {
    const detail: SyncErrorDetail =
      error instanceof SyncError
        ? error.detail
        : { source: sourceBase(source.url), file: 'index.json', reason: String(error), retryable: true };
    return { status: 'failed', error: detail };
  }
}

/**
 * Storage errors as the user should hear of them. IndexedDB reports a full disk in several shapes: a
 * `QuotaExceededError` on a request, a transaction aborted with that error at commit (Chrome checks quota
 * there), or Dexie's wrappers around either (`AbortError` with an `inner` error, `BulkError` with its
 * `failures`). These helpers look through the wrappers so every caller classifies them the same way.
 */
import type { StorageErrorKind, StorageErrorReport } from '../messaging/protocol';

/** Names browsers give a write refused for lack of space (Firefox's legacy name included). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** The legacy `DOMException.QUOTA_EXCEEDED_ERR` code, still set by some engines. */
const QUOTA_CODE = 22;

/** Longest message kept in a report: enough to recognise the error, not a stack dump in the popup. */
const MESSAGE_LIMIT = 300;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** `error` and every error it wraps (Dexie's `inner`, `cause`, a BulkError's `failures`), each once. */
function errorChain(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && seen.size < 50) {
    const next = queue.shift();
    if (next === null || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    const e = next as ErrorLike;
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...e.failures);
  }
  return [...seen];
}

/** True when `error`, or an error it wraps, is the browser refusing a write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some((e) => {
    const { name, code } = e as ErrorLike;
    return (typeof name === 'string' && QUOTA_NAMES.has(name)) || code === QUOTA_CODE;
  });
}

/** A readable one-line message: the innermost error's own words, clipped. */
export function storageErrorMessage(error: unknown): string {
  const chain = errorChain(error);
  const innermost = (chain.at(-1) ?? error) as ErrorLike | undefined;
  const name = typeof innermost?.name === 'string' ? innermost.name : '';
  const message =
    typeof innermost?.message === 'string' && innermost.message ? innermost.message : String(error);
  const text = name && !message.startsWith(name) ? `${name}: ${message}` : message;
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text;
}

/**
 * The report for an error met while doing `during`. A quota error is reported as `quota` whatever was
 * being done, because the remedy (free space and retry) is the same.
 */
export function reportStorageError(
  during: StorageErrorKind,
  error: unknown,
  now: Date = new Date(),
): StorageErrorReport {
  return {
    kind: isQuotaError(error) ? 'quota' : during,
    message: storageErrorMessage(error),
    at: now.toISOString(),
  };
}

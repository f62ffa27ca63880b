import { useEffect, useState } from 'preact/hooks';
import type { DbStatus } from '../messaging/protocol';

/** How often the popup asks again while an import runs. */
const POLL_MS = 500;

/**
 * The database status, asked again while the background reports an import, so the progress bar moves
 * and the counts update when it ends. Without `refresh` the first status is kept as it is.
 */
export function usePolledStatus(
  first: DbStatus | undefined,
  refresh: (() => Promise<DbStatus>) | undefined,
): DbStatus | undefined {
  const [status, setStatus] = useState(first);
  useEffect(() => setStatus(first), [first]);
  useEffect(() => {
    if (!status?.importing || !refresh) return;
    let live = true;
    const timer = setTimeout(() => {
      refresh().then(
        (next) => live && setStatus(next),
        // A failed ask is tried again at the next tick (a fresh object re-runs this effect).
        () => live && setStatus((current) => current && { ...current }),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [status, refresh]);
  return status;
}

import { useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/channel';
import { t } from '../i18n';

/** Chrome's limit for one extension message; a larger file could not reach the background anyway. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

type Status = { kind: 'done' | 'error'; text: string } | null;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saves the user-data file through a temporary link, named by the day it was made. */
async function download(): Promise<string> {
  const file = await sendToBackground('exportUserData', null);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `backstory-user-data-${file.exportedAt.slice(0, 10)}.json`;
  link.click();
  // The click has started the download; the object URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return t('userDataExported', file.notes.length, file.capturedQuotes.length);
}

/** Reads and sends the chosen file; the background validates it whole before writing anything. */
async function upload(file: File): Promise<Status> {
  if (file.size > MAX_FILE_BYTES) return { kind: 'error', text: t('userDataInvalid', t('userDataNotJson')) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { kind: 'error', text: t('userDataInvalid', t('userDataNotJson')) };
  }
  const result = await sendToBackground('importUserData', { file: parsed });
  if (!result.ok) return { kind: 'error', text: t('userDataInvalid', result.error) };
  return {
    kind: 'done',
    text: t('userDataImported', result.notes, result.capturedQuotes, result.settings.length),
  };
}

/** Export and import of the user's notes, captured quotes and settings as one JSON file. */
export function UserDataSection() {
  const [status, setStatus] = useState<Status>(null);
  const fail = (error: unknown) => setStatus({ kind: 'error', text: t('userDataFailed', errorText(error)) });
  return (
    <section aria-labelledby="user-data-heading" data-testid="user-data">
      <h2 id="user-data-heading">{t('userDataHeading')}</h2>
      <p class="hint">{t('userDataIntro')}</p>
      <p>
        <button
          type="button"
          data-testid="user-data-export"
          onClick={() => void download().then((text) => setStatus({ kind: 'done', text }), fail)}
        >
          {t('userDataExport')}
        </button>
      </p>
      <p>
        <label for="user-data-import">{t('userDataImport')}</label>{' '}
        <input
          id="user-data-import"
          type="file"
          accept="application/json,.json"
          data-testid="user-data-import"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void upload(file).then(setStatus, fail);
            // The same file can be chosen again after fixing it.
            input.value = '';
          }}
        />
      </p>
      <p role="status" class={status?.kind === 'error' ? 'error' : undefined} data-testid="user-data-status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { clipText, DISPLAY_LIMITS as MAX } from '../../core/text/clip-text';
import { sendToBackground } from '../../messaging/channel';
import type { CapturedQuote } from '../../messaging/protocol';
import { captureEnabledItem } from '../../settings/capture-settings';
import { formatDate, t } from '../i18n';
import { SourceLink } from '../SourceLink';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The capture switch and its current value, kept current when another tab changes it. */
function useCaptureEnabled(): boolean | null {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void captureEnabledItem.getValue().then((value) => live && setEnabled(value));
    const unwatch = captureEnabledItem.watch((value) => setEnabled(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return enabled;
}

function QuoteRow({ quote, onDelete }: { quote: CapturedQuote; onDelete: () => void }) {
  return (
    <li class="captured-quote" data-testid="captured-quote">
      <p>
        <strong>{clipText(quote.speakerName, MAX.name)}</strong>: <q>{clipText(quote.text, MAX.quote)}</q>
      </p>
      <p class="hint">
        <time dateTime={quote.date}>{formatDate(quote.date)}</time> ·{' '}
        <SourceLink source={{ url: quote.url, publisher: quote.publisher }} /> ·{' '}
        {clipText(quote.title, MAX.title)}
      </p>
      <button
        type="button"
        onClick={onDelete}
        aria-label={t('captureDeleteLabel', quote.speakerName, quote.publisher)}
      >
        {t('captureDelete')}
      </button>
    </li>
  );
}

/** Capture from reading: the on/off switch, and every captured quote for review, each with Delete. */
export function CapturedQuotesSection() {
  const enabled = useCaptureEnabled();
  const [quotes, setQuotes] = useState<CapturedQuote[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    sendToBackground('listCapturedQuotes', null).then(
      (list) => {
        setQuotes(list);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, []);

  const remove = (id: string) =>
    void sendToBackground('deleteCapturedQuote', { id }).then(load, (e: unknown) => setError(errorText(e)));

  return (
    <section aria-labelledby="capture-heading" data-testid="captured-quotes">
      <h2 id="capture-heading">{t('captureHeading')}</h2>
      <p class="hint">{t('captureIntro')}</p>
      {enabled !== null && (
        <p>
          <input
            id="capture-enabled"
            type="checkbox"
            role="switch"
            aria-checked={enabled}
            checked={enabled}
            data-testid="capture-enabled"
            onChange={(event) => void captureEnabledItem.setValue(event.currentTarget.checked)}
          />{' '}
          <label for="capture-enabled">{t('captureEnabled')}</label>
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {t('captureLoadFailed', error)}
        </p>
      )}
      {quotes?.length === 0 && <p data-testid="no-captured-quotes">{t('captureNone')}</p>}
      {quotes && quotes.length > 0 && (
        <ul class="captured-quotes">
          {quotes.map((quote) => (
            <QuoteRow key={quote.id} quote={quote} onDelete={() => remove(quote.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

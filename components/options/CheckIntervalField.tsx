import { CHECK_INTERVAL_CHOICES_MS, clampCheckInterval } from '../../core/sync/backoff';
import { t } from '../i18n';

const HOUR = 3_600_000;

/** "Every hour", "Every 6 hours", "Every day", "Every week": the choices, without plural rules. */
function intervalLabel(ms: number): string {
  if (ms === 7 * 24 * HOUR) return t('optionsIntervalWeek');
  if (ms === 24 * HOUR) return t('optionsIntervalDay');
  if (ms === HOUR) return t('optionsIntervalHour');
  return t('optionsIntervalHours', Math.round(ms / HOUR));
}

/** The interval between regular checks of every source. */
export function CheckIntervalField({ value, onChange }: { value: number; onChange: (ms: number) => void }) {
  const current = clampCheckInterval(value);
  return (
    <div class="field">
      <label for="check-interval">{t('optionsIntervalLabel')}</label>
      <select
        id="check-interval"
        value={String(current)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {CHECK_INTERVAL_CHOICES_MS.map((ms) => (
          <option key={ms} value={String(ms)}>
            {intervalLabel(ms)}
          </option>
        ))}
      </select>
    </div>
  );
}

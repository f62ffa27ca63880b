/**
 * All user-visible strings go through `browser.i18n` (messages in `public/_locales/<lang>/messages.json`).
 * A missing key shows the key itself, so a gap is visible in review rather than silently blank.
 */
import browser from 'webextension-polyfill';

export function t(key: string, ...substitutions: (string | number)[]): string {
  const message = browser.i18n.getMessage(key, substitutions.map(String));
  return message || key;
}

/** A date as the reader's locale writes it, e.g. "26 Feb 2025". Dates are calendar days, shown in UTC. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The options page's reader settings: the theme of cards, popup and this page; which kinds of mention to
 * mark; and the sites Backstory is paused on, each with a button to resume it. Every change is written
 * to `browser.storage.local` at once, and open tabs follow it without a reload (reader-controls.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  MARK_KINDS,
  type MarkKind,
  type MarkKinds,
  markKindsItem,
  normaliseKinds,
  pausedSitesItem,
  readMarkKinds,
  readTheme,
  setKindMarked,
  setSitePaused,
  THEMES,
  type Theme,
  themeItem,
} from '../../settings/reader-settings';
import { t } from '../i18n';
import { followTheme } from '../theme';

interface ReaderSettings {
  theme: Theme;
  kinds: MarkKinds;
  pausedSites: string[];
}

const THEME_LABEL: Record<Theme, string> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};

const KIND_LABEL: Record<MarkKind, string> = {
  person: 'readerKindPeople',
  organization: 'readerKindOrganizations',
  place: 'readerKindPlaces',
  figure: 'readerKindFigures',
};

/** The three settings, read once and kept current while any context changes them. */
function useReaderSettings(): ReaderSettings | null {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const [theme, kinds, pausedSites] = await Promise.all([
        readTheme(),
        readMarkKinds(),
        pausedSitesItem.getValue(),
      ]);
      if (live) setSettings({ theme, kinds, pausedSites });
    };
    void load();
    const unwatch = [
      themeItem.watch(() => void load()),
      markKindsItem.watch(() => void load()),
      pausedSitesItem.watch(() => void load()),
    ];
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, []);
  return settings;
}

export function ReaderSettingsSection() {
  const settings = useReaderSettings();
  // The options page itself follows the theme it sets.
  useEffect(() => followTheme(document.documentElement), []);
  if (!settings) return null;
  const kinds = normaliseKinds(settings.kinds);
  return (
    <section class="reader-settings" aria-labelledby="reader-heading" data-testid="reader-settings">
      <h2 id="reader-heading">{t('readerHeading')}</h2>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void themeItem.setValue(theme)}
            />{' '}
            {t(THEME_LABEL[theme])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('readerKindsLegend')}</legend>
        {MARK_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              name={`mark-${kind}`}
              checked={kinds[kind]}
              onChange={(event) => void setKindMarked(kind, event.currentTarget.checked)}
            />{' '}
            {t(KIND_LABEL[kind])}
          </label>
        ))}
      </fieldset>
      <p class="hint">{t('readerShortcutHint')}</p>
      <h3>{t('readerPausedSitesHeading')}</h3>
      {settings.pausedSites.length === 0 ? (
        <p class="hint" data-testid="no-paused-sites">
          {t('readerNoPausedSites')}
        </p>
      ) : (
        <ul class="paused-sites">
          {settings.pausedSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                aria-label={t('readerResumeSiteLabel', site)}
                onClick={() => void setSitePaused(site, false)}
              >
                {t('readerResumeSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Applies the reader's theme (settings/reader-settings.ts) to an element as `data-bs-theme`: the popup's
 * and options page's root, or the card's shadow host. The style sheets define their colours as custom
 * properties for light, for dark under `prefers-color-scheme: dark`, and for `[data-bs-theme]` forcing
 * either one; `system` removes the attribute, so the browser's preference decides.
 */
import { isTheme, readTheme, type Theme, themeItem } from '../settings/reader-settings';

export const THEME_ATTRIBUTE = 'data-bs-theme';

export function applyTheme(el: Element, theme: Theme): void {
  if (theme === 'system') el.removeAttribute(THEME_ATTRIBUTE);
  else el.setAttribute(THEME_ATTRIBUTE, theme);
}

/** Applies the stored theme to `el` now and on every change; returns a function that stops watching. */
export function followTheme(el: Element): () => void {
  let stopped = false;
  void readTheme().then((theme) => {
    if (!stopped) applyTheme(el, theme);
  });
  const unwatch = themeItem.watch((theme) => applyTheme(el, isTheme(theme) ? theme : 'system'));
  return () => {
    stopped = true;
    unwatch();
  };
}

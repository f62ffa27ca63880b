/**
 * The reader's controls, in `browser.storage.local`: the sites Backstory is paused on, which kinds of
 * mention it marks, and the colour theme of its cards, popup and options page. Every extension context
 * (the content script included) reads them directly and watches them, so a change takes effect in open
 * tabs at once, without a reload.
 */
import { storage } from 'wxt/utils/storage';

/** The kinds of mention a reader can switch on and off. */
export const MARK_KINDS = ['person', 'organization', 'place', 'figure'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];
export type MarkKinds = Record<MarkKind, boolean>;

export const THEMES = ['system', 'light', 'dark'] as const;
/** `system` follows the browser's `prefers-color-scheme`. */
export type Theme = (typeof THEMES)[number];

export const ALL_KINDS: MarkKinds = { person: true, organization: true, place: true, figure: true };

/** Host names (`www.example.org`) Backstory leaves alone; every other http(s) site is marked. */
export const pausedSitesItem = storage.defineItem<string[]>('local:readerPausedSites', {
  fallback: [],
  version: 1,
});

export const markKindsItem = storage.defineItem<MarkKinds>('local:readerMarkKinds', {
  fallback: ALL_KINDS,
  version: 1,
});

export const themeItem = storage.defineItem<Theme>('local:readerTheme', {
  fallback: 'system',
  version: 1,
});

/**
 * The site a URL belongs to, as the pause list keys it: its host name, or null for pages Backstory never
 * runs on (extension pages, `file:`, `about:`).
 */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

export async function isSitePaused(site: string): Promise<boolean> {
  return (await pausedSitesItem.getValue()).includes(site);
}

/** Pauses or resumes Backstory on one site. */
export async function setSitePaused(site: string, paused: boolean): Promise<void> {
  const sites = await pausedSitesItem.getValue();
  const listed = sites.includes(site);
  if (paused && !listed) await pausedSitesItem.setValue([...sites, site].sort());
  if (!paused && listed) await pausedSitesItem.setValue(sites.filter((s) => s !== site));
}

/** A stored value read defensively: kinds missing from an older or hand-edited value count as on. */
export function normaliseKinds(value: Partial<Record<string, unknown>> | null | undefined): MarkKinds {
  const kinds = { ...ALL_KINDS };
  for (const kind of MARK_KINDS) if (value?.[kind] === false) kinds[kind] = false;
  return kinds;
}

export async function readMarkKinds(): Promise<MarkKinds> {
  return normaliseKinds(await markKindsItem.getValue());
}

export async function setKindMarked(kind: MarkKind, marked: boolean): Promise<void> {
  const kinds = await readMarkKinds();
  await markKindsItem.setValue({ ...kinds, [kind]: marked });
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export async function readTheme(): Promise<Theme> {
  const value = await themeItem.getValue();
  return isTheme(value) ? value : 'system';
}

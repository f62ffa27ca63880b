import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  ALL_KINDS,
  isSitePaused,
  isTheme,
  markKindsItem,
  normaliseKinds,
  pausedSitesItem,
  readMarkKinds,
  readTheme,
  setKindMarked,
  setSitePaused,
  siteOf,
  themeItem,
} from '../../settings/reader-settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reader settings in storage.local', () => {
  it('starts with no paused site, every kind marked and the system theme', async () => {
    expect(await pausedSitesItem.getValue()).toEqual([]);
    expect(await readMarkKinds()).toEqual({ person: true, organization: true, place: true, figure: true });
    expect(await readTheme()).toBe('system');
  });

  it('pauses a site once and resumes it, leaving the other sites paused', async () => {
    await setSitePaused('news.example.org', true);
    await setSitePaused('news.example.org', true);
    await setSitePaused('a.example.com', true);
    expect(await pausedSitesItem.getValue()).toEqual(['a.example.com', 'news.example.org']);
    expect(await isSitePaused('news.example.org')).toBe(true);
    await setSitePaused('news.example.org', false);
    expect(await pausedSitesItem.getValue()).toEqual(['a.example.com']);
    expect(await isSitePaused('news.example.org')).toBe(false);
  });

  it('tells a watcher in another context when a site is paused', async () => {
    const seen: string[][] = [];
    const unwatch = pausedSitesItem.watch((sites) => seen.push(sites));
    await setSitePaused('news.example.org', true);
    unwatch();
    expect(seen).toEqual([['news.example.org']]);
  });

  it('switches one kind off and keeps the others', async () => {
    await setKindMarked('figure', false);
    expect(await readMarkKinds()).toEqual({ ...ALL_KINDS, figure: false });
    await setKindMarked('figure', true);
    expect(await readMarkKinds()).toEqual(ALL_KINDS);
  });

  it('reads kinds missing from a stored value as marked, and junk as the default', async () => {
    await markKindsItem.setValue({ person: false } as never);
    expect(await readMarkKinds()).toEqual({ ...ALL_KINDS, person: false });
    expect(normaliseKinds(null)).toEqual(ALL_KINDS);
    expect(normaliseKinds({ place: 'no' })).toEqual(ALL_KINDS);
  });

  it('keeps the chosen theme and falls back to the system theme for an unknown value', async () => {
    await themeItem.setValue('dark');
    expect(await readTheme()).toBe('dark');
    await themeItem.setValue('sepia' as never);
    expect(await readTheme()).toBe('system');
    expect(isTheme('light')).toBe(true);
    expect(isTheme(3)).toBe(false);
  });

  it('keys a page by its host name, and has no site for pages Backstory does not run on', () => {
    expect(siteOf('https://www.example.org/news/1?x=2#top')).toBe('www.example.org');
    expect(siteOf('http://127.0.0.1:8080/article.html')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('file:///tmp/a.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

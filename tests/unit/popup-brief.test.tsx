/**
 * The popup brief and its reader bar, rendered with Preact into linkedom: each item asks the page to
 * reveal its first mention, "Pause on this site" pauses the tab's site and hides the brief, and the theme
 * setting lands on the popup's root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PopupApp, type PopupReaderControls } from '../../components/PopupApp';
import type { MentionTarget } from '../../core/article/mention-order';
import type { ArticleSummary, DbStatus } from '../../messaging/protocol';
import { themeItem } from '../../settings/reader-settings';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `browser.i18n.getMessage` over the shipped English messages. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const list = [subs ?? []].flat();
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ? (list[Number(content.slice(1)) - 1] ?? '') : whole;
  });
}

const status: DbStatus = { packs: [], entities: 0, statements: 0, aliases: 0, lastUpdated: null };

const summary: ArticleSummary = {
  url: 'https://news.example.org/a',
  title: 'Defence spending',
  articleDate: '2025-02-26',
  entities: [
    {
      id: 'Q6383803',
      kind: 'person',
      name: 'Keir Starmer',
      known: true,
      mentions: 3,
      role: 'Prime Minister',
    },
  ],
  figures: [{ key: 'GBP:13400000000', text: '£13.4 billion', display: 'GBP 13,400,000,000', occurrences: 1 }],
  statements: [],
  conflicts: [],
  captured: [{ speakerId: 'Q6383803', speakerName: 'Keir Starmer', text: 'We will act.' }],
};

let container: HTMLElement;
beforeAll(() => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
});
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function show(reader: PopupReaderControls): Promise<void> {
  await act(async () => {
    render(
      <PopupApp summary={Promise.resolve(summary)} status={Promise.resolve(status)} reader={reader} />,
      container,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function controls(paused = false) {
  const revealed: MentionTarget[] = [];
  const pauses: [string, boolean][] = [];
  const reader: PopupReaderControls = {
    site: Promise.resolve({ site: 'news.example.org', paused }),
    reveal: (target) => revealed.push(target),
    setPaused: async (site, next) => {
      pauses.push([site, next]);
      return next ? null : summary;
    },
  };
  return { reader, revealed, pauses };
}

describe('popup brief', () => {
  it('asks the page to reveal the first mention of the person, figure or quote clicked', async () => {
    const { reader, revealed } = controls();
    await show(reader);
    const jumps = [...container.querySelectorAll<HTMLButtonElement>('button.jump')];
    expect(jumps.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Keir Starmer 3 mentions',
      '£13.4 billion',
      'Keir Starmer: We will act.',
    ]);
    for (const jump of jumps) jump.click();
    expect(revealed).toEqual([
      { kind: 'entity', key: 'Q6383803' },
      { kind: 'figure', key: 'GBP:13400000000' },
      { kind: 'entity', key: 'Q6383803' },
    ]);
  });

  it('pauses the tab’s site from the reader bar and hides the brief until it resumes', async () => {
    const { reader, pauses } = controls();
    await show(reader);
    const toggle = container.querySelector<HTMLButtonElement>('[data-testid="pause-site"]');
    expect(toggle?.textContent).toBe('Pause on this site');
    expect(container.querySelector('[data-testid="reader-bar"]')?.textContent).toContain('news.example.org');
    await act(async () => toggle?.click());
    expect(pauses).toEqual([['news.example.org', true]]);
    expect(container.querySelector('[data-testid="paused-note"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="people"]')).toBeNull();
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');

    await act(async () => toggle?.click());
    expect(pauses).toEqual([
      ['news.example.org', true],
      ['news.example.org', false],
    ]);
    expect(container.querySelector('[data-testid="people"]')).not.toBeNull();
  });

  it('opens paused on a paused site, and puts the chosen theme on the popup’s root', async () => {
    await themeItem.setValue('dark');
    const { reader } = controls(true);
    await show(reader);
    expect(container.querySelector('[data-testid="paused-note"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="pause-site"]')?.textContent).toBe('Resume');
    expect(document.documentElement.getAttribute('data-bs-theme')).toBe('dark');
  });
});

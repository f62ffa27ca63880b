/**
 * The popup while the background imports a pack: a progress bar with the count, asked again until the
 * import ends, then the updated database status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PopupApp } from '../../components/PopupApp';
import type { DbStatus } from '../../messaging/protocol';

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

const idle: DbStatus = {
  packs: [
    {
      id: 'starter',
      title: 'Starter',
      version: '1',
      installedAt: '2025-01-01T00:00:00.000Z',
      entities: 10,
      statements: 2,
    },
  ],
  entities: 10,
  statements: 2,
  aliases: 30,
  lastUpdated: '2025-01-01T00:00:00.000Z',
  importing: null,
};
const progress = { packId: 'big', title: 'Big pack', done: 5000, total: 20_000 };
const importing: DbStatus = { ...idle, importing: progress };

let container: HTMLElement;
beforeAll(() => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
});
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('popup import progress', () => {
  it('shows a progress bar while an import runs and the new counts once it has ended', async () => {
    const after: DbStatus = { ...idle, entities: 20_010, aliases: 80_030 };
    const refresh = vi
      .fn<() => Promise<DbStatus>>()
      .mockResolvedValueOnce({ ...importing, importing: { ...progress, done: 15_000 } })
      .mockResolvedValue(after);
    act(() => {
      render(
        <PopupApp
          summary={Promise.resolve(null)}
          status={Promise.resolve(importing)}
          refreshStatus={refresh}
        />,
        container,
      );
    });
    await settle();
    const bar = () => container.querySelector('[data-testid="import-progress"] progress');
    expect(bar()?.getAttribute('max')).toBe('20000');
    expect(bar()?.getAttribute('value')).toBe('5000');
    expect(bar()?.getAttribute('aria-label')).toBe('Importing Big pack: 5,000 of 20,000 records');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(bar()?.getAttribute('value')).toBe('15000');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(bar()).toBeNull();
    expect(container.querySelector('[data-testid="db-status"]')?.textContent).toContain('20,010');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('asks nothing again when no import runs', async () => {
    const refresh = vi.fn<() => Promise<DbStatus>>().mockResolvedValue(idle);
    act(() => {
      render(
        <PopupApp summary={Promise.resolve(null)} status={Promise.resolve(idle)} refreshStatus={refresh} />,
        container,
      );
    });
    await settle();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(container.querySelector('progress')).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});

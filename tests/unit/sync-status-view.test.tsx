/**
 * The popup's sync view: nothing without sources; per source the installed version, progress, and an
 * error naming the source's host, the file and the reason, with Retry; Sync now checks every source.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SyncStatusView } from '../../components/SyncStatusView';
import { INITIAL_SOURCE_STATE } from '../../core/sync/source-state';
import type { SyncSourceStatus, SyncStatus } from '../../messaging/protocol';
import { getMessage } from './support/i18n-messages';

const URL_A = 'https://packs.example.org/backstory/';

let container: HTMLElement;
beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('Event', window.Event);
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
  vi.restoreAllMocks();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
}

function status(source: Partial<SyncSourceStatus> | null, online = true): SyncStatus {
  const sources = source ? [{ ...INITIAL_SOURCE_STATE, url: URL_A, enabled: true, ...source }] : [];
  return { online, sources };
}

async function mount(load: () => Promise<SyncStatus>, syncNow = vi.fn(load)) {
  act(() => {
    render(<SyncStatusView load={load} syncNow={syncNow} />, container);
  });
  await settle();
  return syncNow;
}

const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

describe('SyncStatusView', () => {
  it('shows nothing when no source is configured', async () => {
    await mount(async () => status(null));
    expect(container.innerHTML).toBe('');
  });

  it('shows the installed version and records, and says when the browser is offline', async () => {
    await mount(async () =>
      status({ version: 'v7', records: 1234, lastSuccess: '2026-03-02T10:00:00Z' }, false),
    );
    expect(text()).toContain('packs.example.org');
    expect(text()).toMatch(/v7.*1,234/);
    expect(text()).toContain('Offline');
  });

  it('names the source host, the file and line, and the reason of an error, and retries that source', async () => {
    const syncNow = await mount(async () =>
      status({
        error: {
          source: URL_A,
          file: 'full/v2/records.ndjson',
          line: 12,
          reason: 'sources: needs at least one source',
          retryable: false,
        },
      }),
    );
    const error = container.querySelector('[data-testid="sync-error"]');
    expect(error?.textContent).toContain('packs.example.org');
    expect(error?.textContent).toContain('full/v2/records.ndjson:12');
    expect(error?.textContent).toContain('needs at least one source');
    const retry = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Retry');
    await act(async () => {
      retry?.dispatchEvent(new Event('click'));
    });
    expect(syncNow).toHaveBeenCalledWith(URL_A);
  });

  it('shows progress as a progress bar instead of the error', async () => {
    await mount(async () =>
      status({
        progress: { phase: 'installing', done: 5, total: 20 },
        error: { source: URL_A, file: 'index.json', reason: 'HTTP 500', retryable: true },
      }),
    );
    expect(container.querySelector('progress')?.getAttribute('value')).toBe('5');
    expect(container.querySelector('[data-testid="sync-error"]')).toBeNull();
  });

  it('checks every source on Sync now', async () => {
    const syncNow = await mount(async () => status({ version: 'v1' }));
    await act(async () => {
      container.querySelector('[data-testid="sync-now"]')?.dispatchEvent(new Event('click'));
    });
    await settle();
    expect(syncNow).toHaveBeenCalledWith(undefined);
  });
});

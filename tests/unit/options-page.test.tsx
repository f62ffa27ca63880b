/**
 * The options page over the real storage module (WXT's fake browser): adding a source asks for its host
 * permission inside the submit event and stores it only when granted, bad input is refused before any
 * prompt, and each source shows the state the background wrote: version, records, times, an error with
 * Retry, progress.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../components/options/OptionsApp';
import { INITIAL_SOURCE_STATE, type SyncSourceState } from '../../core/sync/source-state';
import {
  addSource,
  checkRequestsItem,
  syncSettingsItem,
  syncSourcesItem,
  syncStatesItem,
} from '../../settings/sync-sources';
import { getMessage } from './support/i18n-messages';
import { signingKey } from './support/sync-source-fixture';

const URL_A = 'https://packs.example.org/backstory/';

let container: HTMLElement;
let request: ReturnType<typeof vi.fn<(p: { origins?: string[] }) => Promise<boolean>>>;
let removePermission: ReturnType<typeof vi.fn<(p: { origins?: string[] }) => Promise<boolean>>>;
let contains: ReturnType<typeof vi.fn<(p: { origins?: string[] }) => Promise<boolean>>>;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('Event', window.Event);
});
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
  request = vi.fn(async () => true);
  removePermission = vi.fn(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(removePermission);
  contains = vi.fn(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(contains);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

/** Lets storage reads, watchers and Preact updates run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
}

async function mount(): Promise<void> {
  act(() => {
    render(<OptionsApp />, container);
  });
  await settle();
}

const $ = <T extends Element = HTMLElement>(selector: string) =>
  container.querySelector(selector) as T | null;
const text = (selector: string) => $(selector)?.textContent ?? null;

function type(selector: string, value: string): void {
  const input = $<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  act(() => {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function submit(): void {
  act(() => {
    $('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

function click(element: Element | null | undefined): void {
  if (!element) throw new Error('nothing to click');
  act(() => {
    element.dispatchEvent(new Event('click', { bubbles: true }));
  });
}

async function withState(url: string, state: Partial<SyncSourceState>): Promise<void> {
  await syncStatesItem.setValue({ [url]: { ...INITIAL_SOURCE_STATE, ...state } });
}

describe('options page: adding sources', () => {
  it('says the starter pack is used while there are no sources', async () => {
    await mount();
    expect(text('[data-testid="no-sources"]')).toBe(
      'No sources. Backstory uses the starter pack it came with.',
    );
  });

  it('requests the host permission inside the submit event, then stores and lists the source', async () => {
    const key = (await signingKey()).publicKey;
    await mount();
    type('#source-url', 'https://packs.example.org/backstory');
    type('#source-key', key);
    submit();
    // Called during the event itself, before anything was awaited: the user gesture still holds.
    expect(request).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
    await settle();
    expect(await syncSourcesItem.getValue()).toEqual([
      { url: URL_A, enabled: true, publicKey: key, addedAt: expect.any(String) },
    ]);
    expect(text('.source-url')).toBe(URL_A);
    expect(text('.source-signed')).toBe('signed');
    expect($<HTMLInputElement>('#source-url')?.value).toBe('');
  });

  it('stores nothing when the permission is refused, and says so', async () => {
    request.mockResolvedValue(false);
    await mount();
    type('#source-url', URL_A);
    submit();
    await settle();
    expect(await syncSourcesItem.getValue()).toEqual([]);
    const error = $('[data-testid="add-source-error"]');
    expect(error?.getAttribute('role')).toBe('status');
    expect(error?.textContent).toBe(
      'Backstory was not allowed to reach https://packs.example.org, so the source was not added.',
    );
  });

  it('refuses bad input before any permission prompt', async () => {
    await addSource(URL_A, null);
    await mount();
    const cases: [string, string, string][] = [
      ['packs.example.org', '', 'Enter a full URL, starting with https://.'],
      ['http://packs.example.org/', '', 'Use https. Plain http is allowed only for http://127.0.0.1.'],
      [URL_A, '', 'This source is already in the list.'],
      [
        'https://other.example.org/',
        'AAAA',
        'The public key cannot be used: 3 bytes, an Ed25519 public key has 32.',
      ],
    ];
    for (const [url, key, message] of cases) {
      type('#source-url', url);
      type('#source-key', key);
      submit();
      expect(text('[data-testid="add-source-error"]')).toBe(message);
    }
    expect(request).not.toHaveBeenCalled();
  });

  it('accepts a local pack server over plain http', async () => {
    await mount();
    type('#source-url', 'http://127.0.0.1:8787/');
    submit();
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect((await syncSourcesItem.getValue()).map((s) => s.url)).toEqual(['http://127.0.0.1:8787/']);
  });
});

describe('options page: sources and their state', () => {
  it('shows version, records and check times', async () => {
    await addSource(URL_A, null);
    await withState(URL_A, {
      version: '2026.07.01-ab12cd34',
      records: 3695,
      lastCheck: '2026-07-01T10:00:00.000Z',
      lastSuccess: '2026-07-01T10:00:00.000Z',
      nextCheck: '2026-07-02T10:00:00.000Z',
    });
    await mount();
    const state = text('[data-testid="sync-state"]') ?? '';
    expect(state).toContain('Version 2026.07.01-ab12cd34, 3,695 records');
    expect(state).toContain(
      new Date('2026-07-02T10:00:00.000Z').toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    );
    expect(state).not.toContain('never');
  });

  it('shows an error naming file, line and reason, and Retry asks for a check', async () => {
    await addSource(URL_A, null);
    await withState(URL_A, {
      lastCheck: '2026-07-01T10:00:00.000Z',
      nextCheck: '2026-07-01T10:01:00.000Z',
      error: {
        source: URL_A,
        file: 'full/v2/records.ndjson',
        line: 7,
        reason: 'kind: missing',
        retryable: false,
      },
    });
    await mount();
    const error = $('[data-testid="sync-error"]');
    expect(error?.getAttribute('role')).toBe('status');
    expect(error?.textContent).toBe(
      'Update refused, nothing changed: full/v2/records.ndjson:7: kind: missing',
    );
    click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Retry'));
    await settle();
    expect(Object.keys(await checkRequestsItem.getValue())).toEqual([URL_A]);
    expect(text('[data-testid="sync-state"]')).toContain('as soon as possible');
  });

  it('asks for host access a source from an imported file lacks, inside the click, then requests a check', async () => {
    await addSource(URL_A, null);
    contains.mockImplementation(async () => false);
    await mount();
    expect(text('[data-testid="source-access"]')).toContain('cannot be checked');
    expect(request).not.toHaveBeenCalled();
    click($('[data-testid="source-access"] button'));
    await settle();
    expect(contains).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
    expect(request).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
    expect($('[data-testid="source-access"]')).toBeNull();
    expect(Object.keys(await checkRequestsItem.getValue())).toEqual([URL_A]);
  });

  it('says nothing about access when the host is granted', async () => {
    await addSource(URL_A, null);
    await mount();
    expect(contains).toHaveBeenCalled();
    expect($('[data-testid="source-access"]')).toBeNull();
  });

  it('shows progress as a progress bar and follows the background as it writes', async () => {
    await addSource(URL_A, null);
    await mount();
    expect(text('[data-testid="sync-state"]')).toContain('Not installed yet');
    await withState(URL_A, { progress: { phase: 'installing', done: 1200, total: 3695 } });
    await settle();
    const bar = $('progress');
    expect([bar?.getAttribute('value'), bar?.getAttribute('max')]).toEqual(['1200', '3695']);
    expect(bar?.getAttribute('aria-label')).toBe('Installing: 1,200 of 3,695 records');
  });

  it('switches a source off and on', async () => {
    await addSource(URL_A, null);
    await mount();
    const toggle = $<HTMLInputElement>('input[role="switch"]');
    expect(container.querySelector(`label[for="${toggle?.id}"]`)?.textContent).toBe('Check this source');
    if (toggle) toggle.checked = false;
    act(() => {
      toggle?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect((await syncSourcesItem.getValue())[0]?.enabled).toBe(false);
    expect(text('[data-testid="sync-state"]')).toContain('none while switched off');
  });

  it('removes a source and gives back its host permission when no other source needs it', async () => {
    await addSource(URL_A, null);
    await addSource('https://packs.example.org/other/', null);
    await addSource('https://mirror.example.net/', null);
    await mount();
    const removeButton = (url: string) => container.querySelector(`button[aria-label="Remove ${url}"]`);
    click(removeButton(URL_A));
    await settle();
    expect(removePermission).not.toHaveBeenCalled();
    click(removeButton('https://packs.example.org/other/'));
    await settle();
    expect(removePermission).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
    expect((await syncSourcesItem.getValue()).map((s) => s.url)).toEqual(['https://mirror.example.net/']);
  });

  it('stores the check interval', async () => {
    await mount();
    const select = $<HTMLSelectElement>('#check-interval');
    expect(container.querySelector('label[for="check-interval"]')?.textContent).toBe(
      'Check sources for updates',
    );
    expect([...(select?.querySelectorAll('option') ?? [])].map((o) => o.textContent)).toEqual([
      'Every hour',
      'Every 6 hours',
      'Every 12 hours',
      'Every day',
      'Every week',
    ]);
    // linkedom's select has no value setter: pick the option as a user's click would.
    for (const option of select?.querySelectorAll('option') ?? [])
      option.toggleAttribute('selected', option.value === String(6 * 3_600_000));
    expect(select?.value).toBe(String(6 * 3_600_000));
    act(() => {
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await syncSettingsItem.getValue()).toEqual({ checkIntervalMs: 6 * 3_600_000 });
  });
});

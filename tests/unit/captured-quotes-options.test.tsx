/**
 * The options page's user-data sections over the real storage module (WXT's fake browser) and a fake
 * background: the capture switch, the review list with Delete, and export and import with their messages.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CapturedQuotesSection } from '../../components/options/CapturedQuotesSection';
import { UserDataSection } from '../../components/options/UserDataSection';
import { sendToBackground } from '../../messaging/channel';
import type { CapturedQuote } from '../../messaging/protocol';
import { captureEnabledItem } from '../../settings/capture-settings';
import { getMessage } from './support/i18n-messages';

vi.mock('../../messaging/channel', () => ({ sendToBackground: vi.fn() }));
const send = vi.mocked(sendToBackground);

const QUOTE: CapturedQuote = {
  id: 'reading:1',
  speakerId: 'Q6383803',
  speakerName: 'Keir Starmer',
  text: '<img src=x onerror=alert(1)> words',
  date: '2025-02-26',
  url: 'https://news.example.org/a',
  publisher: 'Example News',
  title: 'An article',
  capturedAt: '2025-02-26T10:00:00.000Z',
};

let container: HTMLElement;
let stored: CapturedQuote[];

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('Event', window.Event);
});
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
  stored = [QUOTE];
  send.mockReset();
  send.mockImplementation((async (name: string, params: unknown) => {
    if (name === 'listCapturedQuotes') return stored;
    if (name === 'deleteCapturedQuote') {
      stored = stored.filter((q) => q.id !== (params as { id: string }).id);
      return null;
    }
    if (name === 'importUserData') return { ok: false, error: 'notes.0.text: Invalid length' };
    throw new Error(`unexpected ${name}`);
  }) as typeof sendToBackground);
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

/** Lets the section's storage reads and messages settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

describe('captured quotes on the options page', () => {
  it('lists each quote with speaker, source and date as text, and deletes one', async () => {
    act(() => render(<CapturedQuotesSection />, container));
    await settle();
    const rows = container.querySelectorAll('[data-testid="captured-quote"]');
    expect(rows.length).toBe(1);
    expect(rows[0]?.textContent).toContain('Keir Starmer');
    expect(rows[0]?.textContent).toContain('<img src=x onerror=alert(1)> words');
    expect(container.querySelector('img')).toBeNull();
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(QUOTE.url);
    const remove = rows[0]?.querySelector('button');
    expect(remove?.getAttribute('aria-label')).toBe('Delete the quote by Keir Starmer from Example News');
    await act(async () => {
      remove?.dispatchEvent(new Event('click', { bubbles: true }));
    });
    await settle();
    expect(send).toHaveBeenCalledWith('deleteCapturedQuote', { id: 'reading:1' });
    expect(container.querySelector('[data-testid="no-captured-quotes"]')?.textContent).toBe(
      'No quotes captured yet.',
    );
  });

  it('turns capture off with a labelled switch', async () => {
    act(() => render(<CapturedQuotesSection />, container));
    await settle();
    const toggle = container.querySelector<HTMLInputElement>('[data-testid="capture-enabled"]');
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
    expect(container.querySelector(`label[for="${toggle?.id}"]`)?.textContent).toBe(
      'Capture quotes from the articles I read',
    );
    await act(async () => {
      if (toggle) toggle.checked = false;
      toggle?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await captureEnabledItem.getValue()).toBe(false);
    expect(toggle?.getAttribute('aria-checked')).toBe('false');
  });
});

describe('user data on the options page', () => {
  it('says plainly that an invalid file was not imported and why', async () => {
    act(() => render(<UserDataSection />, container));
    const input = container.querySelector<HTMLInputElement>('[data-testid="user-data-import"]');
    const file = { size: 20, text: async () => '{"format":"backstory-user-data"}' };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'This file was not imported and nothing was changed: notes.0.text: Invalid length',
    );
  });

  it('refuses a file that is not JSON without asking the background', async () => {
    act(() => render(<UserDataSection />, container));
    const input = container.querySelector<HTMLInputElement>('[data-testid="user-data-import"]');
    const file = { size: 5, text: async () => 'hello' };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'This file was not imported and nothing was changed: it is not a JSON file.',
    );
    expect(send).not.toHaveBeenCalled();
  });
});

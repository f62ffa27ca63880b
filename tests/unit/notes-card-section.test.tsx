/** The note in a card: added, shown, edited and deleted there, with a labelled field and a visible error. */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NoteSection } from '../../components/NoteSection';
import type { NoteSaved } from '../../messaging/protocol';
import { getMessage } from './support/i18n-messages';

let container: HTMLElement;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('Event', window.Event);
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0));
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

const $ = <T extends Element>(testId: string) => container.querySelector<T>(`[data-testid="${testId}"]`);

async function click(testId: string): Promise<void> {
  await act(async () => {
    $(testId)?.dispatchEvent(new Event('click', { bubbles: true }));
  });
}

async function typeAndSubmit(text: string): Promise<void> {
  const input = $<HTMLTextAreaElement>('note-input');
  if (!input) throw new Error('no note field');
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

function saver(result: (text: string) => NoteSaved) {
  return vi.fn(async (_id: string, text: string) => result(text));
}

describe('the note section of a card', () => {
  it('adds a note through a labelled field and shows it', async () => {
    const save = saver((text) => ({ text, updatedAt: '2026-02-01T10:00:00.000Z' }));
    act(() => render(<NoteSection entityId="Q-add" note={null} save={save} />, container));
    expect($('card-note')?.getAttribute('aria-label')).toBe('Your note');
    expect($('note-edit')?.textContent).toBe('Add a note');
    await click('note-edit');
    expect(container.querySelector('label')?.textContent).toContain('Note, kept only in this browser');
    expect(container.querySelector('label textarea')).not.toBeNull();
    await typeAndSubmit('Read the full speech.');
    expect(save).toHaveBeenCalledWith('Q-add', 'Read the full speech.');
    expect($('note-text')?.textContent).toBe('Read the full speech.');
    expect($('note-edit')?.textContent).toBe('Edit note');
  });

  it('shows the stored note and deletes it from the editor', async () => {
    const save = saver(() => null);
    const note = { text: 'Stored note.', updatedAt: '2026-01-01T00:00:00.000Z' };
    act(() => render(<NoteSection entityId="Q-delete" note={note} save={save} />, container));
    expect($('note-text')?.textContent).toBe('Stored note.');
    await click('note-edit');
    expect($<HTMLTextAreaElement>('note-input')?.value).toBe('Stored note.');
    await click('note-delete');
    expect(save).toHaveBeenCalledWith('Q-delete', '');
    expect($('note-text')).toBeNull();
    expect($('note-edit')?.textContent).toBe('Add a note');
  });

  it('shows a note with markup in it as text', async () => {
    const note = {
      text: '<img src=x onerror=alert(1)><script>x()</script>',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    act(() => render(<NoteSection entityId="Q-markup" note={note} save={saver(() => null)} />, container));
    expect($('note-text')?.textContent).toBe(note.text);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('keeps the draft and says so when the note cannot be saved', async () => {
    const save = vi.fn(async () => {
      throw new Error('quota exceeded');
    });
    act(() => render(<NoteSection entityId="Q-fail" note={null} save={save} />, container));
    await click('note-edit');
    await typeAndSubmit('Unsaved words.');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'The note could not be saved. Try again.',
    );
    expect($<HTMLTextAreaElement>('note-input')?.value).toBe('Unsaved words.');
  });
});

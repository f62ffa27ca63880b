import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/channel';
import type { NoteSaved } from '../messaging/protocol';
import { formatDate, t } from './i18n';

/** The longest note the background keeps (storage/notes.ts). */
const MAX_NOTE = 5000;

/**
 * Notes saved and drafts typed on this page, by entity id. The card's model holds the note as the page's
 * lookup found it; a card reopened after an edit shows the saved note, and a card closed while typing
 * (the pointer left it) reopens with the draft, without asking the background again.
 */
const savedHere = new Map<string, NoteSaved>();
/**
 * The editor's layout, set on the elements: the card's stylesheet gives text and links their look, and
 * these few rules only stack the field under its label and space the buttons, in light and dark alike.
 */
const FIELD_STYLE = {
  display: 'block',
  width: '100%',
  boxSizing: 'border-box',
  marginTop: '4px',
  font: 'inherit',
};
const ACTIONS_STYLE = { display: 'flex', gap: '6px', marginTop: '6px' };
const drafts = new Map<string, string>();

export interface NoteSectionProps {
  entityId: string;
  note: NoteSaved | undefined;
  /** Saves through the background; replaced in tests. */
  save?: (entityId: string, text: string) => Promise<NoteSaved>;
}

const saveThroughBackground = (entityId: string, text: string) =>
  sendToBackground('saveNote', { entityId, text });

/** The user's own note on an entity: shown in its card, added, edited and removed there. */
export function NoteSection({ entityId, note, save = saveThroughBackground }: NoteSectionProps) {
  const [current, setCurrent] = useState<NoteSaved>(
    savedHere.has(entityId) ? (savedHere.get(entityId) ?? null) : (note ?? null),
  );
  const [draft, setDraftState] = useState<string | null>(drafts.get(entityId) ?? null);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;

  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  const setDraft = (text: string | null) => {
    if (text === null) drafts.delete(entityId);
    else drafts.set(entityId, text);
    setDraftState(text);
  };

  const closeEditor = () => {
    setDraft(null);
    // Focus returns to the button that opens the editor, so the keyboard keeps its place in the card.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const commit = async (text: string) => {
    setFailed(false);
    try {
      const saved = await save(entityId, text);
      savedHere.set(entityId, saved);
      setCurrent(saved);
      closeEditor();
    } catch {
      setFailed(true);
    }
  };

  return (
    <section class="bs-section bs-note" data-testid="card-note" aria-label={t('noteHeading')}>
      <h3>{t('noteHeading')}</h3>
      {!editing && current && (
        <>
          <p class="bs-note-text" data-testid="note-text">
            {current.text}
          </p>
          <p class="bs-muted">{t('noteUpdated', formatDate(current.updatedAt))}</p>
        </>
      )}
      {!editing && (
        <button
          type="button"
          ref={editButton}
          data-testid="note-edit"
          onClick={() => setDraft(current?.text ?? '')}
        >
          {current ? t('noteEdit') : t('noteAdd')}
        </button>
      )}
      {editing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void commit(draft);
          }}
        >
          <label class="bs-note-label">
            {t('noteLabel')}
            <textarea
              ref={input}
              data-testid="note-input"
              rows={3}
              style={FIELD_STYLE}
              maxLength={MAX_NOTE}
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  void commit(event.currentTarget.value);
                }
              }}
            />
          </label>
          <div class="bs-note-actions" style={ACTIONS_STYLE}>
            <button type="submit" data-testid="note-save">
              {t('noteSave')}
            </button>
            <button type="button" onClick={closeEditor}>
              {t('noteCancel')}
            </button>
            {current && (
              <button type="button" data-testid="note-delete" onClick={() => void commit('')}>
                {t('noteDelete')}
              </button>
            )}
          </div>
        </form>
      )}
      {failed && (
        <p role="alert" class="bs-note-error">
          {t('noteSaveFailed')}
        </p>
      )}
    </section>
  );
}

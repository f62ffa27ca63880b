/** The background's handlers for the user's own data: notes, quotes captured from reading, export and import. */
import type { BackgroundProtocol } from '../../messaging/protocol';
import { captureEnabledItem } from '../../settings/capture-settings';
import { deleteCapturedQuote, listCapturedQuotes, saveCapturedQuotes } from '../../storage/captured-quotes';
import type { BackstoryDB } from '../../storage/db';
import { deleteNote, saveNote } from '../../storage/notes';
import { exportUserData, importUserData } from '../../storage/user-data-transfer';

type UserDataMessages =
  | 'saveNote'
  | 'deleteNote'
  | 'captureQuotes'
  | 'listCapturedQuotes'
  | 'deleteCapturedQuote'
  | 'exportUserData'
  | 'importUserData';

type Handlers = {
  [K in UserDataMessages]: (
    params: BackgroundProtocol[K]['params'],
  ) => Promise<BackgroundProtocol[K]['result']>;
};

export function userDataHandlers(db: BackstoryDB): Handlers {
  return {
    async saveNote({ entityId, text }) {
      const row = await saveNote(db, entityId, text);
      return row ? { text: row.text, updatedAt: row.updatedAt } : null;
    },
    async deleteNote({ entityId }) {
      await deleteNote(db, entityId);
      return null;
    },
    async captureQuotes(capture) {
      // The switch is checked here too, so a page that was open when capture was turned off stores nothing.
      if (!(await captureEnabledItem.getValue())) return { stored: 0 };
      return { stored: await saveCapturedQuotes(db, capture) };
    },
    listCapturedQuotes: () => listCapturedQuotes(db),
    async deleteCapturedQuote({ id }) {
      await deleteCapturedQuote(db, id);
      return null;
    },
    exportUserData: () => exportUserData(db),
    importUserData: ({ file }) => importUserData(db, file),
  };
}

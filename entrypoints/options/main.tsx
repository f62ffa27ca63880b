/**
 * Options page: sync sources (add with their host permission, switch on and off, remove), each source's
 * state as the background wrote it, and the check interval. Everything is read from and written to
 * `browser.storage.local` (settings/sync-sources.ts).
 */
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import { t } from '../../components/i18n';

document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);

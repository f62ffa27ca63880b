/**
 * Toolbar popup: the summary of the active tab (asked of its content script) and the database status
 * (asked of the background). `?tab=<id>` selects a tab explicitly, which the e2e tests use.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp, type PopupReaderControls } from '../../components/PopupApp';
import '../../components/popup.css';
import { sendToBackground, sendToTab } from '../../messaging/channel';
import type { ArticleSummary, ReaderSite } from '../../messaging/protocol';
import { setSitePaused } from '../../settings/reader-settings';

async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadSummary(): Promise<ArticleSummary | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  // No content script in this tab (a browser page, or a tab opened before install): no summary.
  return sendToTab(tabId, 'articleSummary', null).catch(() => null);
}

async function loadSite(): Promise<ReaderSite | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  return sendToTab(tabId, 'readerSite', null).catch(() => null);
}

/**
 * The page follows the stored setting (its content script watches it); the brief is asked again only
 * once the page reports the new state, so a resumed page answers after its new pass.
 */
async function setPaused(site: string, paused: boolean): Promise<ArticleSummary | null> {
  await setSitePaused(site, paused);
  for (let tries = 0; tries < 40; tries++) {
    const state = await loadSite();
    if (!state || state.paused === paused) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return paused ? null : loadSummary();
}

const reader: PopupReaderControls = {
  site: loadSite(),
  reveal: (target) => {
    void targetTabId().then((tabId) => tabId !== undefined && sendToTab(tabId, 'revealMention', target));
  },
  setPaused,
};

const app = document.getElementById('app');
if (app) {
  const askStatus = () => sendToBackground('dbStatus', null);
  render(
    <PopupApp summary={loadSummary()} status={askStatus()} refreshStatus={askStatus} reader={reader} />,
    app,
  );
}

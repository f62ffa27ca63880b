/**
 * Toolbar popup: the summary of the active tab (asked of its content script) and the database status
 * (asked of the background). `?tab=<id>` selects a tab explicitly, which the e2e tests use.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp } from '../../components/PopupApp';
import '../../components/popup.css';
import { sendToBackground, sendToTab } from '../../messaging/channel';
import type { ArticleSummary } from '../../messaging/protocol';

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

const app = document.getElementById('app');
if (app) {
  const askStatus = () => sendToBackground('dbStatus', null);
  render(<PopupApp summary={loadSummary()} status={askStatus()} refreshStatus={askStatus} />, app);
}

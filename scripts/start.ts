/**
 * `npm start` (after `wxt build`): serves the bundled demo article on 127.0.0.1 and opens it in Chromium
 * with the built extension loaded, in a fresh temporary profile. Runs until Ctrl-C (or until the browser
 * window is closed), then deletes the profile.
 *
 * With no display on Linux (no $DISPLAY or $WAYLAND_DISPLAY), Chromium runs with `--headless=new` and the
 * script stays up printing the article's URL and what the extension marked, so it still works over SSH.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  type LaunchedExtension,
  launchExtension,
  REPO_ROOT,
} from '../tests/e2e/support/extension';
import { type StaticServer, startStaticServer } from '../tests/e2e/support/static-server';

const DEMO_DIR = join(REPO_ROOT, 'demo');

function log(message: string): void {
  console.log(`[backstory] ${message}`);
}

const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);

async function reportMarks(page: Page): Promise<void> {
  try {
    await page.waitForSelector('html[data-backstory-state]', { state: 'attached', timeout: 30_000 });
    const summary = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const mark of document.querySelectorAll('[data-backstory]')) {
        const kind = mark.getAttribute('data-backstory') ?? '?';
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      return { state: document.documentElement.getAttribute('data-backstory-state'), counts };
    });
    const counts = Object.entries(summary.counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    log(`Page state: ${summary.state}; marks: ${counts || 'none'}.`);
  } catch {
    log('The extension has not marked the page within 30 s (no data-backstory-state on <html>).');
  }
}

async function main(): Promise<void> {
  let server: StaticServer | undefined;
  let ext: LaunchedExtension | undefined;
  let closing = false;

  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    log('Closing Chromium and deleting the temporary profile…');
    await ext?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    server = await startStaticServer({ root: DEMO_DIR });
    const articleUrl = `${server.url}/article.html`;
    if (!hasDisplay) {
      log(
        'No $DISPLAY (or $WAYLAND_DISPLAY): running Chromium headless (--headless=new), so no window will open.',
      );
      log('Run `npm start` in a desktop session to see the browser; the extension still runs here.');
    }
    ext = await launchExtension({
      extensionDir: EXTENSION_DIR,
      headless: !hasDisplay,
      // A real window sizes its own viewport; a headless one gets a desktop-sized one.
      viewport: hasDisplay ? null : { width: 1280, height: 900 },
      // This is a browser for the developer to use, not a test: let them browse elsewhere too.
      blockNetwork: false,
      // Ctrl-C is ours: close the browser, then delete the profile, then exit.
      handleSignals: false,
    });
    ext.context.on('close', () => void shutdown(0));

    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(articleUrl);
    // Close the other start-up tabs (about:blank) so the demo is the only one.
    for (const other of ext.context.pages()) if (other !== page) await other.close();

    log(`Extension ${ext.extensionId} loaded from ${EXTENSION_DIR}.`);
    log(`Demo article: ${articleUrl}`);
    log(`Popup for it: chrome-extension://${ext.extensionId}/popup.html (or the toolbar button)`);
    await reportMarks(page);
    log('Press Ctrl-C to stop.');
  } catch (error) {
    console.error(`[backstory] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();

/**
 * Runs test code in an isolated world of a page's main frame (CDP `Page.createIsolatedWorld`), the same
 * kind of world a content script runs in. A hostile page that sabotages `Node.prototype`,
 * `MutationObserver` or `document.createElement` in its own world breaks `page.evaluate` and Playwright's
 * own locators (both run there), but not code in an isolated world, which has its own prototypes and
 * globals and shares only the DOM. Page globals (`window.x`) are not visible here; read what the page
 * writes into the DOM instead.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface IsolatedWorld {
  /** Calls `fn(arg)` in the isolated world and returns its (JSON-serialisable) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Resolves once `predicate(arg)` is true (checked every animation frame), or throws after `timeout` ms. */
  waitFor<A>(predicate: (arg: A) => boolean, arg: A, timeout?: number): Promise<void>;
  detach(): Promise<void>;
}

interface EvaluateResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

async function evaluateIn(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const response = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  })) as EvaluateResult;
  if (response.exceptionDetails) {
    const { text, exception } = response.exceptionDetails;
    throw new Error(`In the isolated world: ${exception?.description ?? text}`);
  }
  return response.result.value;
}

export async function isolatedWorld(page: Page, name = 'backstory-e2e'): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: name,
  });
  const call = (source: string, arg: unknown) => `(${source})(${JSON.stringify(arg ?? null)})`;
  return {
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await evaluateIn(cdp, executionContextId, call(fn.toString(), arg))) as R,
    waitFor: async <A>(predicate: (arg: A) => boolean, arg: A, timeout = 10_000) => {
      const poll = `(arg) => new Promise((resolve, reject) => {
        const predicate = ${predicate.toString()};
        const deadline = Date.now() + ${timeout};
        const check = () => {
          if (predicate(arg)) return resolve(true);
          if (Date.now() > deadline) return reject(new Error('waitFor timed out: ' + predicate.toString()));
          requestAnimationFrame(check);
        };
        check();
      })`;
      await evaluateIn(cdp, executionContextId, call(poll, arg));
    },
    detach: () => cdp.detach(),
  };
}

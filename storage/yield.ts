/**
 * Yielding to the event loop during long work (a pack import), so the service worker keeps answering
 * messages. A resolved promise is not enough: it runs before any queued event. `setTimeout(0)` is, but
 * browsers clamp nested timers to 4 ms, which over thousands of yields adds seconds. A MessageChannel
 * message is an ordinary task without the clamp. (`scheduler.yield()` is not used: its continuation is
 * queued ahead of ordinary tasks, which may be exactly the messages that should run first.)
 */

/** Resolves in a new task, after events already queued have run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A time slicer: call it between small units of work; it yields once `budgetMs` of work has run since
 * the last yield, so no task blocks the event loop much longer than the budget.
 */
export function timeSlicer(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

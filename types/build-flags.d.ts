/**
 * Compile-time flags replaced by Vite's `define` (wxt.config.ts). `__BACKSTORY_BENCH__` is true only in
 * builds made with BACKSTORY_BENCH=1, which expose the service worker's benchmark hook.
 */
declare const __BACKSTORY_BENCH__: boolean;

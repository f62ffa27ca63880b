import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (`.output/chrome-mv3`) in real Chromium via playwright-core.
 * Files run one after another (two cores, one browser per file); no unit-test setup files, since these
 * tests run in Node and drive the browser rather than faking its APIs.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: [],
  },
});

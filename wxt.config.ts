import { defineConfig } from 'wxt';

/**
 * Build configuration. Chrome MV3 is the primary target; `wxt build -b firefox` emits the Firefox build.
 * Permissions are the smallest set the features need: `storage` for settings, `unlimitedStorage` so the
 * entity database is not evicted. Content scripts run on http(s) pages and never send page text anywhere.
 */
export default defineConfig({
  // A separate output folder lets parallel builds (a benchmark next to a test run) not overwrite each other.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: 'Backstory' },
    browser_specific_settings: {
      gecko: { id: 'backstory@backstory.local', strict_min_version: '128.0' },
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
});

import { defineConfig } from 'wxt';

/**
 * Firefox settings. `data_collection_permissions` declares Firefox's built-in data consent: Backstory
 * collects and transmits no user data (pages are read on the device). WXT's manifest type predates the key,
 * so it is declared here rather than inline, where the type check would refuse it; Firefox before 140
 * ignores it. https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */
const GECKO_SETTINGS = {
  id: 'backstory@backstory.local',
  strict_min_version: '128.0',
  data_collection_permissions: { required: ['none'] },
};

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
      gecko: GECKO_SETTINGS,
    },
  },
  vite: () => ({
    // BACKSTORY_BENCH=1 builds expose the service worker's benchmark hook (scripts/bench-db.ts); in any
    // other build the flag is false and the hook is tree-shaken away.
    define: { __BACKSTORY_BENCH__: JSON.stringify(process.env.BACKSTORY_BENCH === '1') },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
});

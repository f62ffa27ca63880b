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
/** Hosts a sync source may be on (see core/sync/source-url.ts): any https host, and the local pack server. */
const SOURCE_HOSTS = ['https://*/*', 'http://127.0.0.1/*'];

/**
 * Hosts granted at install, only in builds that ask for them: the host of a default sync source given at
 * build time (`WXT_SYNC_SOURCE_URL`, added to the sources on first install, see
 * entrypoints/background/sync.ts), and, for the sync e2e build (`BACKSTORY_E2E_SYNC=1`), the local pack
 * server, since a headless browser never answers a permission prompt.
 */
function buildHostPermissions(): string[] {
  const hosts: string[] = [];
  const source = process.env.WXT_SYNC_SOURCE_URL;
  if (source) {
    const url = new URL(source);
    hosts.push(`${url.protocol}//${url.hostname}/*`);
  }
  if (process.env.BACKSTORY_E2E_SYNC === '1') hosts.push('http://127.0.0.1/*');
  return hosts;
}
const BUILD_HOST_PERMISSIONS = buildHostPermissions();

export default defineConfig({
  // A separate output folder lets parallel builds (a benchmark next to a test run) not overwrite each other.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `alarms` wakes the worker when a sync source is due (entrypoints/background/sync.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    ...(BUILD_HOST_PERMISSIONS.length ? { host_permissions: BUILD_HOST_PERMISSIONS } : {}),
    // Sync sources: each host is requested when the user adds the source (options page), never at install;
    // plain http only for a pack server on this machine (`npm run packs -- serve`).
    optional_host_permissions: SOURCE_HOSTS,
    action: { default_title: 'Backstory' },
    // The card's view and its style sheet, which the content script loads on the first card
    // (entrypoints/article.content/card-view-api.ts). A dynamic URL keeps them from identifying Backstory
    // to the pages it runs on; WXT writes the Firefox (MV2) form.
    web_accessible_resources: [
      {
        resources: ['card-view.js', 'content-scripts/article.css'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    browser_specific_settings: {
      gecko: GECKO_SETTINGS,
    },
  },
  hooks: {
    // MV2 (Firefox) has no `optional_host_permissions`: optional hosts go in `optional_permissions`.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.manifestVersion !== 2) return;
      manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...SOURCE_HOSTS];
    },
  },
  vite: () => ({
    // BACKSTORY_BENCH=1 builds expose the service worker's benchmark hook (scripts/bench-db.ts); in any
    // other build the flag is false and the hook is tree-shaken away.
    define: { __BACKSTORY_BENCH__: JSON.stringify(process.env.BACKSTORY_BENCH === '1') },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // BACKSTORY_SOURCEMAP=1 emits source maps, to see which sources make up each bundle (bundle-size work).
    build: { target: 'es2022', sourcemap: process.env.BACKSTORY_SOURCEMAP === '1' },
  }),
});

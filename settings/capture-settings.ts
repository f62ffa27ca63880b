/**
 * The switch for capturing quotes from reading, in `browser.storage.local`. On by default: capture stays on
 * the device, and the options page lists every captured quote for review and deletion.
 */
import { storage } from 'wxt/utils/storage';

export const captureEnabledItem = storage.defineItem<boolean>('local:captureEnabled', {
  fallback: true,
  version: 1,
});

/**
 * Host permissions for sync sources. They are optional (`optional_host_permissions` in wxt.config.ts) and
 * requested when the user adds a source, never at install. `request` must run inside the click that adds
 * the source: browsers only show the prompt during a user gesture.
 */
import browser from 'webextension-polyfill';

/** Asks for access to a source's host; resolves to whether the user granted it. */
export function requestSourcePermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Gives back access to a host no remaining source uses. */
export async function releaseSourcePermission(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
}

/** Whether the browser grants access to a source's host (an imported source may not have it yet). */
export function hasSourcePermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

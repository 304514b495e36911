/**
 * Firefox preferences for every test run (facts in docs/testing.md §Firefox layer): all traffic
 * through the loopback proxy, no DNS-over-HTTPS, Remote Settings pointed at nothing, and a fixed
 * extension UUID so extension pages have a known address.
 */
export interface PrefOptions {
  proxyPort: number;
  /** The add-on's gecko id (from dist-firefox/manifest.json). */
  addonId: string;
  /** Its `moz-extension://` host. */
  uuid: string;
  /** Seconds of idleness before Firefox suspends the background page (Firefox default 30). */
  backgroundIdleS?: number;
  /** Where downloads land, without asking. */
  downloadDir?: string;
}

/** The prefs passed as `extraPrefsFirefox`. */
export function firefoxPrefs(o: PrefOptions): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': o.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': o.proxyPort,
    'network.proxy.share_proxy_settings': false,
    // Even loopback names go to the proxy (it refuses them), so nothing bypasses it by name.
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'services.settings.server': 'https://remote-settings.invalid/v1',
    'extensions.webextensions.uuids': JSON.stringify({ [o.addonId]: o.uuid }),
    'extensions.background.idle.timeout': (o.backgroundIdleS ?? 30) * 1000,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.download.useDownloadDir': true,
    'browser.download.folderList': 2,
    ...(o.downloadDir ? { 'browser.download.dir': o.downloadDir } : {}),
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

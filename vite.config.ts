import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { LOCALES_DIR, readLocales } from './scripts/locales.mjs';

/** `_locales/<lang>/messages.json` from the area files in src/locales (scripts/locales.mjs). */
function locales(): Plugin {
  return {
    name: 'image-vault-locales',
    buildStart() {
      this.addWatchFile(LOCALES_DIR.pathname);
    },
    generateBundle() {
      for (const [lang, messages] of Object.entries(readLocales())) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${lang}/messages.json`,
          source: `${JSON.stringify(messages, null, 2)}\n`,
        });
      }
    },
  };
}

/**
 * One manifest for both browsers. Firefox (mode "firefox") gets `background.scripts`
 * instead of a service worker and a gecko id; everything else is shared.
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const { service_worker, ...bg } = manifest.background;
  const target = firefox
    ? {
        ...manifest,
        background: { scripts: [service_worker], type: bg.type },
        browser_specific_settings: {
          gecko: {
            id: 'image-vault@image-vault.local',
            strict_min_version: '142.0',
            data_collection_permissions: { required: ['none'] },
          },
        },
      }
    : manifest;
  return {
    plugins: [
      locales(),
      crx({ manifest: target as unknown as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        // Pages not named in the manifest's entry points.
        input: { gallery: 'src/gallery/index.html', welcome: 'src/welcome/index.html' },
      },
    },
  };
});

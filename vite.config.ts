import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

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
      crx({ manifest: target as unknown as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        // Pages not named in the manifest's entry points.
        input: { gallery: 'src/gallery/index.html' },
      },
    },
  };
});

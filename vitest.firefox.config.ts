import { defineConfig } from 'vitest/config';

/**
 * The Firefox e2e layer (`npm run test:firefox`): the built dist-firefox in Firefox ESR against
 * the ChatGPT simulator, one Firefox per spec file, one file at a time (a Firefox costs about
 * 390 MB and 6–30 s to start on two cores). See docs/testing.md §Firefox layer.
 */
export default defineConfig({
  test: {
    include: ['e2e/firefox/**/*.ff.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/firefox.json' },
  },
});

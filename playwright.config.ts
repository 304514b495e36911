import { defineConfig } from '@playwright/test';

/**
 * E2E tests of the built extension (dist/) in a system Chromium against the ChatGPT
 * simulator (e2e/sim). Each test gets a fresh profile; see docs/testing.md.
 *
 * E2E_WORKERS overrides the worker count; E2E_TRACE=1 keeps a trace of failed tests
 * (off by default: recording the network of multi-MB images slows every test).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/harness/global-setup.ts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  // Two cores: two workers (one Chromium each) keep runs short and have proven reliable.
  workers: Number(process.env.E2E_WORKERS) || 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
  },
});

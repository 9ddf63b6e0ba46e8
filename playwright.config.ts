import { defineConfig } from '@playwright/test'
import type { DossierOptions } from './e2e/support/fixtures'

/**
 * End-to-end tests drive the built app like a person. The same specs run in two projects:
 * browser mode in Debian's Chromium (always), and the Electron window (only where an
 * Electron runtime is installed; the fixture skips with the reason otherwise).
 */
export default defineConfig<DossierOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    locale: 'fr-FR'
  },
  projects: [
    { name: 'browser', use: { dossierMode: 'browser' } },
    {
      name: 'electron',
      use: { dossierMode: 'electron' },
      // The HTTP host exists only in browser mode; file choosers and clipboard permissions are browser
      // features Playwright cannot drive in an Electron window (the import services are covered in browser mode).
      testIgnore: ['**/browser-host.spec.ts', '**/import-library.spec.ts']
    }
  ]
})

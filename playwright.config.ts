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
      // features Playwright cannot drive in an Electron window (the import services are covered in browser mode),
      // and the search spec imports its second article through the file chooser. Exports in Electron go through
      // the native save dialog, which Playwright cannot drive either; the briefing spec checks the files in browser
      // mode, and the desktop PDF printer is unit-tested with electron mocked (src/main/electron/printToPdf.test.ts).
      testIgnore: [
        '**/browser-host.spec.ts',
        '**/import-library.spec.ts',
        '**/search-and-workspace.spec.ts',
        '**/briefing.spec.ts'
      ]
    }
  ]
})

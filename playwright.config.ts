import os from 'node:os'
import { defineConfig } from '@playwright/test'
import type { DossierOptions } from './e2e/support/fixtures'

/**
 * Each browser-mode worker runs a Chromium, a Node host and its import worker, which keep
 * about two cores busy while a test types and saves. More workers than cores / 2 only make
 * every test slower and push waits towards their ceilings; CI machines are shared, so CI
 * takes one. DOSSIER_E2E_WORKERS overrides both.
 */
const workers =
  Number(process.env.DOSSIER_E2E_WORKERS) || (process.env.CI ? 1 : Math.max(1, Math.floor(os.cpus().length / 2)))

/**
 * End-to-end tests drive the built app like a person. The same specs run in two projects:
 * browser mode in Debian's Chromium (always), and the Electron window (only where an
 * Electron runtime is installed; the fixture skips with the reason otherwise).
 */
export default defineConfig<DossierOptions>({
  testDir: 'e2e',
  // Only specs: e2e/support holds Vitest unit tests of the fixtures' own helpers.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './e2e/support/globalSetup.ts',
  // Ceilings, not waits: every wait ends on an event (a ready line, an element, a file), and
  // these only bound how long a hung test may hold the run. The longest spec takes about 35 s
  // on an idle 2-core machine and several times that under a load of 10. Under a load of 40
  // (a stress run beside eight other jobs) one HTML import through the worker took over 30 s,
  // so a single expectation may wait a minute: a passing test is no slower for it.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  fullyParallel: true,
  workers,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    locale: 'en-US'
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
        '**/briefing.spec.ts',
        // Replacing an article's text picks its file through the file chooser too.
        '**/replace-text.spec.ts'
      ]
    }
  ]
})

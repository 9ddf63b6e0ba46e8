/**
 * Finds a Chromium for browser-mode tests on whatever computer runs `npm test`: Debian's
 * package on CI, a system Chrome on a laptop, or Playwright's own download where someone
 * has run `npx playwright install chromium`. When none is there the suite stops with one
 * line that says how to get one, instead of a launch stack trace per test.
 */
import fs from 'node:fs'
import { chromium } from '@playwright/test'

/** Where system packages and installers put Chromium or Chrome, in the order we prefer them. */
const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome'
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
  ]
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the end-to-end tests: install one (`apt-get install chromium` on Debian or Ubuntu, ' +
  'or `npx playwright install chromium` where downloads are allowed), or set DOSSIER_CHROMIUM to its path.'

export type ChromiumLookup = { found: true; path: string; source: string } | { found: false; message: string }

export interface ChromiumLookupOptions {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  exists?: (file: string) => boolean
  /** Playwright's own browser, wherever `npx playwright install` put it (it may not exist). */
  playwrightChromium?: () => string
}

/** DOSSIER_CHROMIUM first, then the usual system paths, then Playwright's installed Chromium. */
export function findChromium(options: ChromiumLookupOptions = {}): ChromiumLookup {
  const env = options.env ?? process.env
  const exists = options.exists ?? ((file: string) => fs.existsSync(file))
  const chosen = env.DOSSIER_CHROMIUM
  if (chosen) {
    return exists(chosen)
      ? { found: true, path: chosen, source: 'DOSSIER_CHROMIUM' }
      : { found: false, message: `DOSSIER_CHROMIUM is set to ${chosen}, but there is no file there.` }
  }
  for (const candidate of SYSTEM_BROWSERS[options.platform ?? process.platform] ?? []) {
    if (exists(candidate)) return { found: true, path: candidate, source: 'system' }
  }
  let bundled = ''
  try {
    bundled = (options.playwrightChromium ?? (() => chromium.executablePath()))()
  } catch {
    // Playwright throws when it has no browser of its own for this platform.
  }
  if (bundled && exists(bundled)) return { found: true, path: bundled, source: 'Playwright' }
  return { found: false, message: NO_CHROMIUM_MESSAGE }
}

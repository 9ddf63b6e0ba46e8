import { describe, expect, it } from 'vitest'
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium'

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file)
const noPlaywrightBrowser = () => {
  throw new Error('Executable does not exist')
}

describe('findChromium', () => {
  it('takes DOSSIER_CHROMIUM first, even when a system Chromium exists', () => {
    expect(
      findChromium({
        env: { DOSSIER_CHROMIUM: '/opt/chrome/chrome' },
        platform: 'linux',
        exists: only('/opt/chrome/chrome', '/usr/bin/chromium')
      })
    ).toEqual({ found: true, path: '/opt/chrome/chrome', source: 'DOSSIER_CHROMIUM' })
  })

  it('says so when DOSSIER_CHROMIUM names no file, rather than trying another browser', () => {
    expect(
      findChromium({
        env: { DOSSIER_CHROMIUM: '/nowhere/chrome' },
        platform: 'linux',
        exists: only('/usr/bin/chromium')
      })
    ).toEqual({ found: false, message: 'DOSSIER_CHROMIUM is set to /nowhere/chrome, but there is no file there.' })
  })

  it("prefers Debian's Chromium, then other system browsers in order", () => {
    const lookup = (exists: (file: string) => boolean) =>
      findChromium({ env: {}, platform: 'linux', exists, playwrightChromium: noPlaywrightBrowser })
    expect(lookup(only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({
      found: true,
      path: '/usr/bin/chromium',
      source: 'system'
    })
    expect(lookup(only('/usr/bin/google-chrome'))).toEqual({
      found: true,
      path: '/usr/bin/google-chrome',
      source: 'system'
    })
  })

  it('looks in the places macOS installs Chrome', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(
      findChromium({
        env: {},
        platform: 'darwin',
        exists: only(chrome, '/usr/bin/chromium'),
        playwrightChromium: noPlaywrightBrowser
      })
    ).toEqual({ found: true, path: chrome, source: 'system' })
  })

  it("falls back on Playwright's own Chromium when it has been installed", () => {
    const bundled = '/home/me/.cache/ms-playwright/chromium-1200/chrome-linux/chrome'
    expect(
      findChromium({ env: {}, platform: 'linux', exists: only(bundled), playwrightChromium: () => bundled })
    ).toEqual({ found: true, path: bundled, source: 'Playwright' })
  })

  it('ends with one line naming the install commands when there is no browser at all', () => {
    const result = findChromium({
      env: {},
      platform: 'win32',
      exists: () => false,
      playwrightChromium: () => 'C:\\ms-playwright\\chrome.exe'
    })
    expect(result).toEqual({ found: false, message: NO_CHROMIUM_MESSAGE })
    expect(NO_CHROMIUM_MESSAGE).toContain('apt-get install chromium')
    expect(NO_CHROMIUM_MESSAGE).toContain('npx playwright install chromium')
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n')
  })
})

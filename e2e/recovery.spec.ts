/**
 * Starts that used to fail, as the user meets them (issue 11): a damaged library.json whose
 * articles come back from their own files, and a data folder that cannot be written, where
 * Dossier opens read-only under a banner and refuses every change in words. Browser mode:
 * the read-only start is simulated through the host's DOSSIER_SIMULATE_WRITE_FAILURE seam.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { snapshotFiles } from './support/disk'
import { markdownFile } from './support/files'
import { expect, startHost, stopHost, test } from './support/fixtures'
import { callHost, startHostOnFullDisk } from './support/hostApi'
import { selectTextWithMouse } from './support/selection'

const PASSAGE = 'lieutenant-général Aviv Kochavi'

test.skip(({ dossierMode }) => dossierMode === 'electron', 'Electron has no host.js to read the write-failure seam')

/** A data folder with the sample article and one pasted article, left as a clean stop leaves it. */
async function seedFolder(dataDir: string): Promise<void> {
  const host = await startHost(dataDir)
  try {
    const pasted = await callHost(host, 'importPaste', { text: 'Rapport annuel\n\nLe budget de la défense augmente.' })
    expect(pasted).toMatchObject({ ok: true, value: { ok: true } })
  } finally {
    await stopHost(host)
  }
}

async function screenshotAt(page: Page, width: number, height: number, file: string): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.screenshot({ path: file })
}

test('a damaged library.json: the articles come back from their files, the user is told which, and the damaged file is kept', async ({
  dossier
}, testInfo) => {
  const dataDir = testInfo.outputPath('damaged-library')
  await seedFolder(dataDir)
  const damaged = fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8').slice(0, 200)
  fs.writeFileSync(path.join(dataDir, 'library.json'), damaged)
  // No earlier copy either: what comes back comes from the article files alone.
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith('.backups')) fs.rmSync(path.join(dataDir, name), { recursive: true })
  }

  const host = await startHost(dataDir)
  try {
    const { page } = dossier
    await page.goto(host.url)
    const cameBack = page.getByRole('status').filter({ hasText: '2 articles missing from the library' })
    await expect(cameBack).toBeVisible()
    await expect(cameBack).toContainText('came back from their saved text')
    // Titles and file names are set apart for bidi: invisible U+2068 … U+2069 around each.
    await expect(cameBack).toContainText('“\u2068Rapport annuel\u2069”')
    await expect(cameBack).toContainText("“\u2068Le chef d'état-major")
    await expect(page.getByRole('status').filter({ hasText: /library\.json\u2069 could not be read/ })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2)
    await page.screenshot({ path: testInfo.outputPath('relinked.png') })

    const quarantined = fs.readdirSync(path.join(dataDir, '.quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, '.quarantine', quarantined[0]!), 'utf8')).toBe(damaged)
  } finally {
    await stopHost(host)
  }
})

test('a full disk at start: read-only under a banner, a highlight and an import are refused in words, nothing on disk changes', async ({
  dossier
}, testInfo) => {
  const dataDir = testInfo.outputPath('full-disk')
  await seedFolder(dataDir)
  const before = snapshotFiles(dataDir)

  const host = await startHostOnFullDisk(dataDir)
  try {
    expect(host.output()).toContain('Dossier is read-only: the disk is full')
    const { page } = dossier
    await page.goto(host.url)
    const banner = page.getByRole('alert', { name: 'Read-only' })
    await expect(banner).toHaveText(
      `Dossier is read-only: the disk is full (\u2068${dataDir}\u2069). Your library is shown but changes cannot be saved.`
    )
    await page
      .getByRole('list', { name: 'Articles' })
      .getByRole('button', { name: /Le chef d'état-major/ })
      .click()
    await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(PASSAGE)

    await selectTextWithMouse(page, PASSAGE)
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
    await page.keyboard.press('h')
    const refusal = 'Dossier is read-only because the disk is full: this change was not saved.'
    await expect(page.locator('.message').filter({ hasText: refusal }).first()).toBeVisible()

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import files…' }).click()
    await (await chooser).setFiles([markdownFile()])
    const importMessage = page.locator('.message').filter({ hasText: markdownFile().name })
    await expect(importMessage).toContainText(refusal)
    await expect(banner).toBeVisible()

    await screenshotAt(page, 1440, 900, testInfo.outputPath('read-only-1440x900.png'))
    await screenshotAt(page, 1024, 700, testInfo.outputPath('read-only-1024x700.png'))
    const box = await banner.boundingBox()
    expect(box?.width).toBeLessThanOrEqual(1024)
  } finally {
    await stopHost(host)
  }
  expect(snapshotFiles(dataDir)).toEqual(before)
})

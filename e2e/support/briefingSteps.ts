/**
 * Steps the briefing specs share, done as the analyst does them: a tagged note made from a
 * selection with the keyboard, and an export downloaded from the composer's Export row.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { selectTextWithMouse } from './selection'

export async function makeNote(page: Page, quote: string, tag: string, text: string): Promise<void> {
  const detail = page.getByRole('region', { name: 'Selected note' })
  await selectTextWithMouse(page, quote)
  await page.keyboard.press('t')
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })
  await expect(picker).toBeFocused()
  await picker.fill(tag)
  await picker.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText([tag])
  if (text) {
    await detail.getByRole('textbox', { name: 'Note', exact: true }).fill(text)
    await expect(detail.getByText('Saved')).toBeVisible()
  }
}

/** Clicks the export button named `label` and saves the download in `dir`; returns its path. */
export async function download(page: Page, label: string, dir: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export' }).getByRole('button', { name: label }).click()
  ])
  const target = path.join(dir, file.suggestedFilename())
  await file.saveAs(target)
  return target
}

/**
 * Picks the composer's document language by its name (« Français », « English ») and waits until
 * the first briefing on disk says it: the headings, dates and citation terms follow it.
 */
export async function chooseDocumentLanguage(
  page: Page,
  dataDir: string,
  name: 'Français' | 'English',
  code: 'fr' | 'en'
): Promise<void> {
  const composer = page.getByRole('region', { name: 'Composer' })
  await composer.getByRole('combobox', { name: 'Document language' }).selectOption({ label: name })
  await expect(composer.getByRole('status')).toHaveText('Saved')
  await expect.poll(() => storedBriefingLanguage(dataDir)).toBe(code)
}

/** The language the first briefing in `briefings.json` is written in. */
export function storedBriefingLanguage(dataDir: string): string | undefined {
  const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'briefings.json'), 'utf8')) as {
    briefings: { language: string }[]
  }
  return file.briefings[0]?.language
}

/**
 * Importing a file whose text is already in the library (issue 14): the analyst is asked
 * whether to open the article that has it or import a copy, from the keyboard or the mouse,
 * and the disk holds exactly what was chosen.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { storedLibrary } from './support/disk'
import type { TestFile } from './support/files'
import { en, fr } from '../src/renderer/src/locales'

/** Either language's words: the fixture's browser may speak French or English. */
function either(english: string, french: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`${escape(english)}|${escape(french)}`)
}
const words = {
  importFiles: either('Import files…', 'Importer des fichiers…'),
  dialog: either(en.library.duplicate.title, fr.library.duplicate.title),
  open: either(en.library.duplicate.openExisting, fr.library.duplicate.openExisting),
  copy: either(en.library.duplicate.importCopy, fr.library.duplicate.importCopy),
  importedOne: either(en.library.import.importedOne, fr.library.import.importedOne),
  openedExisting: either(en.library.import.openedExisting_one, fr.library.import.openedExisting_one),
  nothingImported: either(en.library.import.nothingImported, fr.library.import.nothingImported),
  articles: either('Articles', 'Articles')
}

const TEXT =
  'Rabat et Jérusalem signent un accord\n\nLe ministre a déclaré que la coopération « progresse » avec Rabat.\n\n' +
  'Un second paragraphe, pour que le texte ait un corps.'

function textFile(name: string): TestFile {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(TEXT, 'utf8') }
}

async function pickFiles(page: Page, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: words.importFiles }).click()
  await (await chooser).setFiles(files)
}

const libraryItems = (page: Page) => page.getByRole('list', { name: words.articles }).getByRole('button')
const bodies = (dataDir: string) =>
  fs.readdirSync(path.join(dataDir, 'articles')).filter((name) => name.endsWith('.json'))

test('the same file twice: the dialog; Open opens the first and stores nothing; Import a copy adds one', async ({
  dossier
}, testInfo) => {
  const { page, dataDir } = dossier
  await expect(libraryItems(page)).toHaveCount(1)
  await pickFiles(page, [textFile('accord.txt')])
  await expect(page.getByRole('status').filter({ hasText: words.importedOne })).toBeVisible()
  await expect(libraryItems(page)).toHaveCount(2)
  const first = storedLibrary(dataDir).articles.find(
    (article) => article.title === 'Rabat et Jérusalem signent un accord'
  )
  expect(first).toBeDefined()
  const bodiesBefore = bodies(dataDir)

  // The sample article is opened, so that "Open" visibly changes the reading pane.
  await libraryItems(page).filter({ hasNotText: 'Rabat et Jérusalem' }).click()
  await pickFiles(page, [textFile('accord (1).txt')])
  const dialog = page.getByRole('dialog', { name: words.dialog })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('accord (1).txt')
  await expect(dialog).toContainText('Rabat et Jérusalem signent un accord')
  // The safe choice has the focus: Enter opens the existing article.
  await expect(dialog.getByRole('button', { name: words.open })).toBeFocused()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('duplicate-dialog-1440.png') })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: testInfo.outputPath('duplicate-dialog-1024.png') })
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rabat et Jérusalem signent un accord')
  await expect(page.getByRole('status').filter({ hasText: words.openedExisting })).toBeVisible()
  await expect(libraryItems(page)).toHaveCount(2)
  expect(storedLibrary(dataDir).articles).toHaveLength(2)
  expect(bodies(dataDir)).toEqual(bodiesBefore)

  // Tab to "Import a copy" and take it: a second article with the same text, on disk.
  await pickFiles(page, [textFile('accord (2).txt')])
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: words.copy })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: words.importedOne })).toBeVisible()
  await expect(libraryItems(page)).toHaveCount(3)
  await expect.poll(() => storedLibrary(dataDir).articles.length).toBe(3)
  const copies = storedLibrary(dataDir).articles.filter(
    (article) => article.title === 'Rabat et Jérusalem signent un accord'
  )
  expect(copies).toHaveLength(2)
  expect(bodies(dataDir)).toHaveLength(bodiesBefore.length + 1)

  // Escape imports nothing, and says so.
  await pickFiles(page, [textFile('accord (3).txt')])
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alert').filter({ hasText: words.nothingImported })).toContainText(
    'Rabat et Jérusalem signent un accord'
  )
  expect(storedLibrary(dataDir).articles).toHaveLength(3)
})

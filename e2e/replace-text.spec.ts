/**
 * Replacing an article's text with a newer version from a file, from Article info: the
 * outlet's corrected copy has a dateline in front and one highlighted sentence withdrawn.
 * The note whose passage is still there follows it; the other is kept as an orphan; the
 * title stays. A file that cannot be imported changes nothing. Checked on screen and on disk.
 */
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import type { TestFile } from './support/files'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

interface DiskNote {
  id: string
  anchor: { quote: { exact: string }; position: { start: number; end: number } }
  highlighted?: { quote: { exact: string } }
  anchorStatus?: { state: 'moved' | 'orphaned' }
}

const KEPT = 'système de défense aérienne et antimissile Barak'
const WITHDRAWN = "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement."
const DATELINE = 'RABAT, 19 juillet (Reuters) – '

async function pickReplacement(page: Page, file: TestFile): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Replace text from file…' }).click()
  await (await chooser).setFiles(file)
}

test('replacing the text from a file keeps the title, follows one note and orphans the other', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Pegasus')
  const { id: articleId, title } = storedLibrary(dossier.dataDir).articles[0]!
  const notesOnDisk = () => storedNotes<DiskNote>(dossier.dataDir, articleId)
  const bodyOnDisk = () =>
    readJson<{ blocks: { text: string }[] }>(path.join(dossier.dataDir, 'articles', `${articleId}.json`))
      .blocks.map((block) => block.text)
      .join('\n\n')

  for (const passage of [KEPT, WITHDRAWN]) {
    await selectTextWithMouse(page, passage)
    await page.keyboard.press('h')
    await expect(page.locator('mark', { hasText: passage })).toHaveCount(1)
  }
  await expect.poll(() => notesOnDisk().length).toBe(2)
  const keptStart = notesOnDisk().find((note) => note.anchor.quote.exact === KEPT)!.anchor.position.start
  const oldText = bodyOnDisk()
  const newText = DATELINE + oldText.replace(`${WITHDRAWN} `, '')
  expect(newText).not.toContain(WITHDRAWN)

  // Article info offers the replacement next to the details it keeps.
  await page.getByRole('button', { name: 'Article info' }).click()
  const info = page.getByRole('form', { name: 'Article info' })
  await expect(info.getByRole('button', { name: 'Replace text from file…' })).toBeVisible()
  await info.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('article-info-1440x900.png') })
  await page.setViewportSize({ width: 1024, height: 700 })
  await info.getByRole('button', { name: 'Save' }).scrollIntoViewIfNeeded()
  await expect(info.getByRole('button', { name: 'Replace text from file…' })).toBeInViewport()
  await page.screenshot({ path: testInfo.outputPath('article-info-1024x700.png') })
  await page.setViewportSize({ width: 1440, height: 900 })

  // A file Dossier cannot import is refused with its name and the reason; nothing changes.
  await pickReplacement(page, { name: 'vide.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) })
  await expect(page.getByRole('alert')).toHaveText(
    /“\u2068vide\.txt\u2069” could not replace the text: the file is empty/
  )
  await expect(info.getByRole('button', { name: 'Replace text from file…' })).toBeEnabled()
  expect(bodyOnDisk()).toBe(oldText)
  expect(notesOnDisk().map((note) => note.anchorStatus)).toEqual([undefined, undefined])
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()

  await pickReplacement(page, {
    name: 'kochavi-reuters.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(newText, 'utf8')
  })
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Text replaced from “\u2068kochavi-reuters.txt\u2069”. 1 note needs review.' })
  ).toBeVisible()

  // On screen: the new text, one mark, one orphan; the title as it was.
  await expect(articleText).toContainText(`${DATELINE}Le chef d'état-major`)
  await expect(articleText).not.toContainText('Ni le pays')
  await expect(page.locator('mark')).toHaveCount(1)
  await expect(page.locator('mark', { hasText: KEPT })).toHaveCount(1)
  const panel = page.getByRole('complementary', { name: 'Notes' })
  const orphans = panel.getByRole('region', { name: 'Orphaned notes' })
  await expect(orphans.getByRole('listitem')).toHaveCount(1)
  await expect(orphans).toContainText(WITHDRAWN)
  await expect(panel.getByRole('list', { name: 'Notes in this article' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.locator('.reader__title')).toHaveText(title)
  await expect(info.getByLabel('Title', { exact: true })).toHaveValue(title)
  await page.screenshot({ path: testInfo.outputPath('replaced.png') })

  // On disk: the new body (a French file: no-break spaces inside « » and before the colon, one character for
  // one, so offsets do not move), the followed note at its shifted place, the orphan, the same title.
  expect(bodyOnDisk()).toBe(newText.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ :/g, '\u00a0:'))
  const notes = notesOnDisk()
  const kept = notes.find((note) => note.anchor.quote.exact === KEPT)!
  expect(kept.anchorStatus).toBeUndefined()
  expect(kept.anchor.position).toEqual({
    type: 'TextPositionSelector',
    start: keptStart + DATELINE.length,
    end: keptStart + DATELINE.length + KEPT.length
  })
  const orphan = notes.find((note) => note.id !== kept.id)!
  expect(orphan.anchorStatus?.state).toBe('orphaned')
  expect(orphan.highlighted?.quote.exact ?? orphan.anchor.quote.exact).toBe(WITHDRAWN)
  expect(storedLibrary(dossier.dataDir).articles.map((article) => article.title)).toEqual([title])
})

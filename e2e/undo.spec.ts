/**
 * Every note operation can be taken back: Ctrl+Z and Ctrl+Shift+Z outside text fields,
 * and the Undo button of the toast after a deletion. Checked on screen and on disk.
 */
import { expect, test } from './support/fixtures'
import { storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

type DiskNote = { anchor: { quote: { exact: string } }; text: string; tagIds: string[] }

test('highlight, note text, tags and deletion are each undone and redone', async ({ dossier }, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const onDisk = () => storedNotes(dossier.dataDir, articleId) as unknown as DiskNote[]
  const detail = page.getByRole('region', { name: 'Selected note' })
  const noteText = detail.getByRole('textbox', { name: 'Note', exact: true })
  const marks = page.locator('mark')

  await selectTextWithMouse(page, 'Pegasus')
  await page.keyboard.press('h')
  await expect(marks).toHaveText(['Pegasus'])
  await expect(detail.locator('blockquote')).toHaveText('Pegasus')
  await noteText.fill('Le logiciel espion.')
  await detail.getByRole('combobox', { name: 'Add a tag' }).fill('Thèmes/Surveillance')
  await detail.getByRole('combobox', { name: 'Add a tag' }).press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText(['Thèmes/Surveillance'])
  await expect.poll(() => onDisk().map((note) => [note.text, note.tagIds.length])).toEqual([['Le logiciel espion.', 1]])

  // Undo steps back through the tag, then the text, then the highlight itself.
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('Control+z')
  await expect(detail.locator('.tag-chip__path')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(noteText).toHaveValue('')
  await expect.poll(() => onDisk().map((note) => [note.text, note.tagIds.length])).toEqual([['', 0]])
  await page.keyboard.press('Control+z')
  await expect(marks).toHaveCount(0)
  await expect.poll(onDisk).toEqual([])

  // Redo brings each back, in order.
  await page.keyboard.press('Control+Shift+Z')
  await expect(marks).toHaveText(['Pegasus'])
  await page.keyboard.press('Control+Shift+Z')
  await page.keyboard.press('Control+Shift+Z')
  await expect.poll(() => onDisk().map((note) => [note.text, note.tagIds.length])).toEqual([['Le logiciel espion.', 1]])

  // Deleting offers Undo in a toast; the note comes back with its text and tags.
  await marks.first().click()
  await detail.getByRole('button', { name: 'Delete note' }).click()
  await expect(marks).toHaveCount(0)
  await expect.poll(onDisk).toEqual([])
  const toast = page.getByRole('status').filter({ hasText: 'Note deleted.' })
  await page.screenshot({ path: testInfo.outputPath('deleted-toast.png') })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(marks).toHaveText(['Pegasus'])
  await expect
    .poll(() => onDisk().map((note) => [note.anchor.quote.exact, note.text, note.tagIds.length]))
    .toEqual([['Pegasus', 'Le logiciel espion.', 1]])
})

/**
 * The notes panel and the reading pane as an analyst uses them every day: Delete on a
 * highlight deletes its note (undoable), the panel's tag filter dims the other highlights,
 * an edit gets French spacing without losing a note, long words never widen the panel, and
 * an article with no notes teaches how to make one. Checked on screen and on disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

const SHOTS = shotsDir('notes-panel')

type DiskNote = { id: string; anchor: { quote: { exact: string } }; text: string; tagIds: string[] }

/** Saves the screen at both sizes the issue names, then goes back to the first. */
async function shootBothSizes(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  for (const [width, height] of [
    [1024, 700],
    [1440, 900]
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) })
  }
}

async function highlight(page: Page, passage: string): Promise<void> {
  await selectTextWithMouse(page, passage)
  await page.keyboard.press('h')
  await expect(page.locator('mark:not([data-note-ids^="pending-"])', { hasText: passage })).not.toHaveCount(0)
}

test('an article with no notes teaches how to make one, with the keys of the keymap', async ({ dossier }) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const panel = page.getByRole('complementary', { name: 'Notes' })
  const empty = panel.getByRole('note')
  await expect(empty).toContainText('No notes in this article yet')
  await expect(empty.locator('kbd')).toHaveText(['Shift', 'H', 'N', 'T', '?'])
  await shootBothSizes(page, 'empty-state')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  expect(storedNotes(dossier.dataDir, articleId)).toEqual([])

  // The key it names makes the first note, and the lesson gives way to the list.
  await highlight(page, 'Pegasus')
  await expect(empty).toHaveCount(0)
  await expect(panel.getByRole('list', { name: 'Notes in this article' }).getByRole('listitem')).toHaveCount(1)
  await expect
    .poll(() => storedNotes<DiskNote>(dossier.dataDir, articleId).map((note) => note.anchor.quote.exact))
    .toEqual(['Pegasus'])
})

test('Delete or Backspace on a highlight deletes its note, and Ctrl+Z brings it back', async ({ dossier }) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const quotesOnDisk = () => storedNotes<DiskNote>(dossier.dataDir, articleId).map((note) => note.anchor.quote.exact)
  const marks = page.locator('mark')

  await page.keyboard.press('?')
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(overlay.locator('.shortcuts__row', { hasText: 'Delete the highlight under the caret' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()

  await highlight(page, 'Pegasus')
  await highlight(page, 'Amnesty International')
  await expect.poll(quotesOnDisk).toEqual(['Pegasus', 'Amnesty International'])

  // The caret inside a highlight (a click on it), then Delete.
  await marks.filter({ hasText: 'Pegasus' }).click()
  await expect(page.getByRole('region', { name: 'Selected note' }).locator('blockquote')).toHaveText('Pegasus')
  await page.keyboard.press('Delete')
  await expect(marks.filter({ hasText: 'Pegasus' })).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Note deleted.' })).toBeVisible()
  await expect.poll(quotesOnDisk).toEqual(['Amnesty International'])

  // The existing undo brings it back, on screen and on disk.
  await page.keyboard.press('Control+z')
  await expect(marks.filter({ hasText: 'Pegasus' })).toHaveCount(1)
  await expect.poll(() => [...quotesOnDisk()].sort()).toEqual(['Amnesty International', 'Pegasus'])

  // A selection wholly inside a highlight (made from the keyboard, inside the mark), then Backspace.
  const amnesty = marks.filter({ hasText: 'Amnesty International' })
  const box = (await amnesty.boundingBox())!
  await amnesty.click({ position: { x: box.width / 4, y: box.height / 2 } })
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight')
  const selected = await page.evaluate(() => String(window.getSelection()))
  expect(selected).toHaveLength(4)
  expect('Amnesty International').toContain(selected)
  await page.keyboard.press('Backspace')
  await expect(marks.filter({ hasText: 'Amnesty International' })).toHaveCount(0)
  await expect.poll(quotesOnDisk).toEqual(['Pegasus'])

  // A selection reaching outside every highlight deletes nothing.
  await selectTextWithMouse(page, 'logiciel espion')
  await page.keyboard.press('Backspace')
  await expect(marks.filter({ hasText: 'Pegasus' })).toHaveCount(1)
  expect(quotesOnDisk()).toEqual(['Pegasus'])
})

test('the tag filter dims the highlights it leaves out', async ({ dossier }) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const detail = page.getByRole('region', { name: 'Selected note' })
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })
  const tagWith = async (tagPath: string) => {
    await picker.fill(tagPath)
    await picker.press('Enter')
    await expect(detail.locator('.tag-chip__path')).toHaveText([tagPath])
  }
  await highlight(page, 'logiciel espion fabriqué en Israël')
  await tagWith('Thèmes/Surveillance')
  await highlight(page, 'promouvoir la coopération militaire')
  await tagWith('Acteurs/Maroc')
  await highlight(page, 'Amnesty International')
  await tagWith('Acteurs/ONG')
  // More notes, untagged, so the panel shows a list of some length (and the filter dims them too).
  for (const passage of ['Globes a rapporté en février', 'NSO Group', "Accords d'Abraham", 'Merav Michaeli']) {
    await highlight(page, passage)
  }
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await shootBothSizes(page, 'many-notes')
  await expect
    .poll(() => storedNotes<DiskNote>(dossier.dataDir, articleId).map((note) => note.tagIds.length))
    .toEqual([1, 1, 1, 0, 0, 0, 0])

  const markOf = (text: string) => page.locator('mark', { hasText: text })
  await expect(page.locator('mark.note-mark--dimmed')).toHaveCount(0)
  const filter = page.getByRole('combobox', { name: 'Filter notes by tag' })
  await filter.selectOption({ label: 'Acteurs (2)' })
  await expect(markOf('NSO Group')).toHaveClass(/note-mark--dimmed/)
  await expect(markOf('logiciel espion')).toHaveClass(/note-mark--dimmed/)
  await expect(markOf('promouvoir la coopération')).not.toHaveClass(/note-mark--dimmed/)
  await expect(markOf('Amnesty International')).not.toHaveClass(/note-mark--dimmed/)
  // Dimmed, not hidden: it still reads as a highlight, only fainter.
  const opacityOf = (text: string) =>
    markOf(text).evaluate((mark) => getComputedStyle(mark).backgroundColor.match(/[\d.]+(?=\))/)?.[0] ?? '1')
  expect(Number(await opacityOf('logiciel espion'))).toBeLessThan(Number(await opacityOf('promouvoir')))
  // The screen as the analyst sees it: the caret away from any highlight, the filtered passage in view.
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await markOf('Amnesty International').evaluate((mark) => mark.scrollIntoView({ block: 'center' }))
  await shootBothSizes(page, 'filter-dimming')

  await filter.selectOption({ label: '\u2003Maroc (1)' })
  await expect(markOf('Amnesty International')).toHaveClass(/note-mark--dimmed/)
  await expect(markOf('promouvoir la coopération')).not.toHaveClass(/note-mark--dimmed/)
  await filter.selectOption({ label: 'All notes' })
  await expect(page.locator('mark.note-mark--dimmed')).toHaveCount(0)
  // Filtering is a way of looking: every note stays on disk as it was.
  expect(storedNotes<DiskNote>(dossier.dataDir, articleId)).toHaveLength(7)
})

test('an edit gets French spacing like an import, and the notes stay anchored', async ({ dossier }) => {
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const bodyOnDisk = () =>
    readJson<{ blocks: { text: string }[] }>(path.join(dossier.dataDir, 'articles', `${articleId}.json`))
      .blocks.map((block) => block.text)
      .join('\n\n')
  const PASSAGE = 'a démarré lundi sa visite au Maroc'
  await highlight(page, PASSAGE)

  await page.getByRole('button', { name: 'Edit text' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'true')
  await articleText.click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('Il a dit : « oui » ; puis ? ')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  await expect.poll(bodyOnDisk).toContain('Il a dit\u00a0: «\u00a0oui\u00a0»\u202f; puis\u202f? Le chef')
  await page.getByRole('button', { name: 'Done editing' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'false')

  // On screen: the no-break spaces are there, so « cannot end a line alone.
  await expect(articleText).toContainText('Il a dit\u00a0: «\u00a0oui\u00a0»')
  await expect(page.locator('mark', { hasText: PASSAGE })).toHaveCount(1)
  const [note] = storedNotes<DiskNote & { anchorStatus?: { state: string } }>(dossier.dataDir, articleId)
  expect(note?.anchor.quote.exact).toBe(PASSAGE)
  expect(note?.anchorStatus).toBeUndefined()
})

test('long words, URLs and tag paths wrap or are cut, whole on hover, never widening the panel', async ({
  dossier
}) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const URL_TEXT = `Source : https://www.example.org/${'rapport-tres-long-'.repeat(12)}final.pdf`
  // Long segments (up to the 80 characters a tag name may have), several levels deep.
  const LONG_TAG = `Acteurs/${'Organisations-internationales-'.repeat(2)}ONU/Conseil-de-sécurité-des-Nations-unies`
  await highlight(page, 'Pegasus')
  const detail = page.getByRole('region', { name: 'Selected note' })
  await detail.getByRole('textbox', { name: 'Note', exact: true }).fill(URL_TEXT)
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })
  await picker.fill(LONG_TAG)
  await picker.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText([LONG_TAG])
  await expect(detail.getByText('Saved')).toBeVisible()

  const panel = page.getByRole('complementary', { name: 'Notes' })
  const item = panel.getByRole('list', { name: 'Notes in this article' }).getByRole('button')
  await expect(item).toContainText('https://www.example.org/')
  await expect(item).toHaveAttribute('title', `“Pegasus”\n${URL_TEXT}\n${LONG_TAG}`)
  await expect(detail.locator('.note-detail__tag')).toHaveAttribute('title', LONG_TAG)
  for (const [width, height] of [
    [1024, 700],
    [1440, 900]
  ] as const) {
    await page.setViewportSize({ width, height })
    const overflow = await panel.evaluate((aside) => aside.scrollWidth - aside.clientWidth)
    expect(overflow).toBe(0)
  }
  await expect
    .poll(() => storedNotes<DiskNote>(dossier.dataDir, articleId).map((note) => note.text))
    .toEqual([URL_TEXT])
})

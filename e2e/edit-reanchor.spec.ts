/**
 * Highlights survive edits to the article: after the analyst edits the text in Edit mode,
 * a note whose passage merely shifted stays anchored, one whose words changed is shown
 * as moved (old and new text side by side), and one whose passage was deleted is kept as
 * an orphan that can be re-attached to new text. Checked on screen, on disk, through
 * undo/redo and across a restart.
 */
import path from 'node:path'
import { expect, test } from './support/fixtures'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

interface DiskSelectors {
  quote: { exact: string; prefix: string; suffix: string }
  position: { start: number; end: number }
}

interface DiskNote {
  id: string
  anchor: DiskSelectors
  highlighted?: DiskSelectors
  anchorStatus?: { state: 'moved' } | { state: 'orphaned' }
}

/** What the analyst highlighted: kept beside the current anchor once an edit changed it. */
const highlightedQuote = (note: DiskNote) => (note.highlighted ?? note.anchor).quote.exact

const SHIFTED = 'système de défense aérienne et antimissile Barak'
const CHANGED = 'a démarré lundi sa visite au Maroc'
const DELETED = "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement."

test('edits re-anchor notes: shifted stays, changed is moved, deleted is orphaned and re-attached', async ({
  dossier
}, testInfo) => {
  let { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const notesOnDisk = () => storedNotes<DiskNote>(dossier.dataDir, articleId)
  const stateOnDisk = (quote: string) => {
    const note = notesOnDisk().find((candidate) => highlightedQuote(candidate) === quote)
    return note ? (note.anchorStatus?.state ?? 'anchored') : 'missing'
  }
  const bodyOnDisk = () =>
    readJson<{ blocks: { text: string }[] }>(path.join(dossier.dataDir, 'articles', `${articleId}.json`))
      .blocks.map((block) => block.text)
      .join('\n\n')

  for (const passage of [SHIFTED, CHANGED, DELETED]) {
    await selectTextWithMouse(page, passage)
    await page.keyboard.press('h')
    await expect(page.locator('mark', { hasText: passage })).toHaveCount(1)
  }
  const startOfShifted = notesOnDisk().find((note) => note.anchor.quote.exact === SHIFTED)!.anchor.position.start

  // Edit: a few words at the very start, one word changed inside a highlight, one highlighted sentence deleted.
  await page.getByRole('button', { name: 'Edit text' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'true')
  await articleText.click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('Exclusif : ')
  await selectTextWithMouse(page, 'lundi')
  await page.keyboard.type('mardi')
  await selectTextWithMouse(page, DELETED)
  await page.keyboard.press('Backspace')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  // French spacing applies to an edit as to an import: the space before the colon is stored no-break.
  await expect.poll(bodyOnDisk).toContain('Exclusif\u00a0: Le chef')
  expect(bodyOnDisk()).toContain('a démarré mardi sa visite')
  expect(bodyOnDisk()).not.toContain(DELETED)

  // Each note's state, on screen and on disk.
  const panel = page.getByRole('complementary', { name: 'Notes' })
  const orphans = panel.getByRole('region', { name: 'Orphaned notes' })
  await expect(orphans.getByRole('listitem')).toHaveCount(1)
  await expect(orphans).toContainText(DELETED)
  const placed = panel.getByRole('list', { name: 'Notes in this article' }).getByRole('listitem')
  await expect(placed).toHaveCount(2)
  await expect(placed.nth(0)).toContainText('Passage changed')
  await expect(placed.nth(0)).toContainText('a démarré mardi sa visite au Maroc')
  await expect(placed.nth(1)).not.toContainText('Passage changed')
  await expect.poll(() => [SHIFTED, CHANGED, DELETED].map(stateOnDisk)).toEqual(['anchored', 'moved', 'orphaned'])
  const shifted = notesOnDisk().find((note) => note.anchor.quote.exact === SHIFTED)!
  expect(shifted.anchor.position.start).toBe(startOfShifted + 'Exclusif : '.length)
  await page.screenshot({ path: testInfo.outputPath('editing.png') })

  await page.getByRole('button', { name: 'Done editing' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'false')
  await expect(page.locator('mark', { hasText: SHIFTED })).toHaveCount(1)
  await expect(page.locator('mark').filter({ hasText: 'mardi' })).toHaveCount(1)
  await expect(page.locator('mark', { hasText: 'Ni le pays' })).toHaveCount(0)

  // The moved note shows what was highlighted against what the text now says; keep the new text.
  await placed.nth(0).click()
  const detail = page.getByRole('region', { name: 'Selected note' })
  const changed = detail.getByRole('group', { name: 'The passage changed' })
  await expect(changed.locator('blockquote')).toHaveText([CHANGED, 'a démarré mardi sa visite au Maroc'])
  await page.screenshot({ path: testInfo.outputPath('moved-note.png') })
  await changed.getByRole('button', { name: 'Keep the new text' }).click()
  await expect(changed).toHaveCount(0)
  await expect(placed.nth(0)).not.toContainText('Passage changed')
  await expect.poll(() => stateOnDisk('a démarré mardi sa visite au Maroc')).toBe('anchored')

  // The orphan is re-attached by selecting new text.
  await orphans.getByRole('listitem').first().click()
  await detail.getByRole('group', { name: 'Passage not found' }).getByRole('button', { name: 'Re-attach…' }).click()
  await expect(page.getByText('Select the new passage for the note')).toBeVisible()
  await selectTextWithMouse(page, "Le Maroc a toutefois nié une allégation d'Amnesty International")
  await expect(page.getByRole('toolbar', { name: 'Selection' }).getByRole('button')).toHaveText(['Attach note here H'])
  await page.keyboard.press('h')
  await expect(orphans).toHaveCount(0)
  await expect(page.locator('mark', { hasText: 'Le Maroc a toutefois nié' })).toHaveCount(1)
  await expect
    .poll(() => stateOnDisk("Le Maroc a toutefois nié une allégation d'Amnesty International"))
    .toBe('anchored')
  const reattachedId = notesOnDisk().find((note) => note.anchor.quote.exact.startsWith('Le Maroc a toutefois'))!.id

  // Undo puts the orphan back, redo re-attaches it again: same note, same id.
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('Control+z')
  await expect(orphans.getByRole('listitem')).toHaveCount(1)
  await expect.poll(() => stateOnDisk(DELETED)).toBe('orphaned')
  await page.keyboard.press('Control+Shift+Z')
  await expect(orphans).toHaveCount(0)
  await expect
    .poll(() => notesOnDisk().find((note) => note.id === reattachedId)?.anchor.quote.exact)
    .toBe("Le Maroc a toutefois nié une allégation d'Amnesty International")

  await dossier.restart()
  page = dossier.page
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Exclusif : Le chef')
  await expect(page.locator('mark')).toHaveCount(3)
  await expect(page.getByRole('region', { name: 'Orphaned notes' })).toHaveCount(0)
  await expect(page.getByText('Passage changed')).toHaveCount(0)
})

test('a note on the first of two identical passages stays on the first when its words change, and undo restores it exactly', async ({
  dossier
}) => {
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const notesOnDisk = () => storedNotes<DiskNote>(dossier.dataDir, articleId)
  const bodyOnDisk = () =>
    readJson<{ blocks: { text: string }[] }>(path.join(dossier.dataDir, 'articles', `${articleId}.json`))
      .blocks.map((block) => block.text)
      .join('\n\n')
  const GENERAL = 'lieutenant-général Aviv Kochavi'

  // The sample names « lieutenant-général Aviv Kochavi » twice; the first is highlighted.
  await selectTextWithMouse(page, GENERAL, 0)
  await page.keyboard.press('h')
  await expect(page.locator('mark', { hasText: GENERAL })).toHaveCount(1)
  await expect.poll(() => notesOnDisk().length).toBe(1)
  const highlighted = notesOnDisk()[0]!
  const secondStart = bodyOnDisk().indexOf(GENERAL, highlighted.anchor.position.end)
  expect(secondStart).toBeGreaterThan(highlighted.anchor.position.start)

  // « Aviv Kochavi » becomes « A. Kochavi » in that same place.
  await page.getByRole('button', { name: 'Edit text' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'true')
  await selectTextWithMouse(page, 'Aviv', 0)
  await page.keyboard.type('A.')
  await expect.poll(bodyOnDisk).toContain('lieutenant-général A. Kochavi, a démarré')
  // The body is written before the notes, and a busy machine may have saved « A » before « A. »:
  // wait for the notes file to reflect the whole edit.
  await expect.poll(() => notesOnDisk()[0]!.anchor.quote.exact).toBe('lieutenant-général A. Kochavi')
  expect(notesOnDisk()[0]!.anchorStatus?.state).toBe('moved')

  // On screen: still on the first passage, flagged; the second is not highlighted.
  const panel = page.getByRole('complementary', { name: 'Notes' })
  const item = panel.getByRole('list', { name: 'Notes in this article' }).getByRole('listitem')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Passage changed')
  await expect(item).toContainText('lieutenant-général A. Kochavi')
  await expect(page.locator('mark', { hasText: 'lieutenant-général A. Kochavi' })).toHaveCount(1)
  await expect(page.locator('mark', { hasText: GENERAL })).toHaveCount(0)
  // On disk: the anchor covers the changed words at the first place; what was highlighted is kept as it was.
  const moved = notesOnDisk()[0]!
  expect(moved.anchor.position).toEqual({
    type: 'TextPositionSelector',
    start: highlighted.anchor.position.start,
    end: highlighted.anchor.position.end - 2
  })
  expect(moved.anchor.quote.exact).toBe('lieutenant-général A. Kochavi')
  expect(moved.highlighted).toEqual(highlighted.anchor)

  // Undo in the editor puts the words back: the note is exactly as it was highlighted.
  // The editor's history may hold the replacement and the typing as separate steps: undo
  // until the text is back (further presses at the start of the history do nothing).
  await expect
    .poll(async () => {
      if (!bodyOnDisk().includes(`${GENERAL},`)) await page.keyboard.press('Control+z')
      return bodyOnDisk()
    })
    .toContain('lieutenant-général Aviv Kochavi, a démarré')
  await expect.poll(notesOnDisk).toEqual([highlighted])
  await expect(item).not.toContainText('Passage changed')
  await page.getByRole('button', { name: 'Done editing' }).click()
  await expect(page.locator('mark', { hasText: GENERAL })).toHaveCount(1)
  const markStart = await page.locator('mark', { hasText: GENERAL }).evaluate((mark) => {
    const range = document.createRange()
    range.selectNodeContents(document.querySelector('.article-text')!)
    range.setEnd(mark, 0)
    return range.toString().length
  })
  expect(markStart).toBeLessThan(secondStart)
})

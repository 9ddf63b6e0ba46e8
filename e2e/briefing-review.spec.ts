/**
 * Briefings are honest about notes an edit has changed: after the analyst edits the article
 * so that one highlighted passage changes (moved) and another disappears (orphaned), a new
 * briefing leaves both out and says so, and cites them, each marked, only once the analyst
 * asks for them. Checked in the composer, in the preview, in exported Markdown and on disk,
 * and the composer's "Show note" opens the note in its article.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter(
    (url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:|blob:)/.test(url)
  )
  expect(outside).toEqual([])
})

const TAG = 'Armement'
const INTACT = 'système de défense aérienne et antimissile Barak'
const CHANGED = 'a démarré lundi sa visite au Maroc'
const CHANGED_NOW = 'a démarré mardi sa visite au Maroc'
const DELETED = "Ni le pays, ni l'entreprise, ne l'ont confirmé publiquement."
const MOVED_MARK = '⚠ Passage changed since highlighted'
const ORPHANED_MARK = '⚠ Passage no longer in the article'

async function makeTaggedNote(page: Page, quote: string): Promise<void> {
  const detail = page.getByRole('region', { name: 'Selected note' })
  await selectTextWithMouse(page, quote)
  await page.keyboard.press('t')
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })
  await expect(picker).toBeFocused()
  await picker.fill(TAG)
  await picker.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText([TAG])
}

async function downloadMarkdown(page: Page, target: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Markdown' }).click()
  ])
  await file.saveAs(target)
  return fs.readFileSync(target, 'utf8')
}

test('a briefing leaves notes needing review out, says how many, and cites them marked on request', async ({
  dossier
}, testInfo) => {
  test.skip(dossier.mode === 'electron', 'exports go through the native save dialog in Electron')
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const statesOnDisk = () =>
    storedNotes<{ anchorStatus?: { state: string } }>(dossier.dataDir, articleId)
      .map((note) => note.anchorStatus?.state ?? 'anchored')
      .sort()

  for (const quote of [INTACT, CHANGED, DELETED]) await makeTaggedNote(page, quote)

  // Edit the text: one word changed inside a highlight, one highlighted sentence deleted.
  await page.getByRole('button', { name: 'Edit text' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'true')
  await selectTextWithMouse(page, 'lundi')
  await page.keyboard.type('mardi')
  await selectTextWithMouse(page, DELETED)
  await page.keyboard.press('Backspace')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  await expect.poll(statesOnDisk).toEqual(['anchored', 'moved', 'orphaned'])
  // Typing is saved at each pause, so a busy machine may have stored « mar » first: wait for the whole word.
  const currentQuotes = () =>
    storedNotes<{ anchor: { quote: { exact: string } } }>(dossier.dataDir, articleId).map(
      (note) => note.anchor.quote.exact
    )
  await expect.poll(currentQuotes).toContain(CHANGED_NOW)
  await page.getByRole('button', { name: 'Done editing' }).click()
  await expect(articleText).toHaveAttribute('contenteditable', 'false')

  // A new briefing with the tag: only the intact note is cited; the other two are counted and badged.
  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await composer.getByRole('group', { name: 'Tags' }).getByText(TAG, { exact: true }).click()
  const review = composer.getByRole('group', { name: 'Notes that need review' })
  await expect(review).toContainText('2 notes need review')
  const leftOut = review.getByRole('list', { name: 'Notes left out until reviewed' }).getByRole('listitem')
  await expect(leftOut).toHaveCount(2)
  await expect(leftOut.nth(0).locator('.badge')).toHaveText('Changed')
  await expect(leftOut.nth(0)).toContainText(CHANGED_NOW)
  await expect(leftOut.nth(1).locator('.badge')).toHaveText('Orphaned')
  await expect(leftOut.nth(1)).toContainText(DELETED)
  const preview = page.getByTestId('briefing-preview')
  await expect(preview.locator('blockquote')).toHaveText([INTACT])
  await expect(composer.getByRole('status')).toHaveText('Saved')

  const shots = testInfo.outputPath('screens')
  fs.mkdirSync(shots, { recursive: true })
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await review.scrollIntoViewIfNeeded()
    await expect(review).toBeInViewport()
    await page.screenshot({ path: path.join(shots, `composer-${width}x${height}.png`) })
  }

  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })
  const before = await downloadMarkdown(page, path.join(dir, 'before.md'))
  expect(before).toContain(INTACT)
  expect(before).not.toContain('sa visite au Maroc')
  expect(before).not.toContain('Ni le pays')
  expect(before).not.toContain('⚠')

  // Ask for them: the preview and a new export cite all three, the two marked.
  await review.getByRole('checkbox', { name: 'Include notes that need review (marked)' }).check()
  await expect(preview.locator('blockquote')).toHaveCount(3)
  await expect(preview.locator('.review')).toHaveText([MOVED_MARK, ORPHANED_MARK])
  await expect(preview.locator('blockquote')).toHaveText([CHANGED_NOW, INTACT, DELETED])
  await expect(composer.getByRole('status')).toHaveText('Saved')
  const notes = composer.getByRole('list', { name: /^Notes in / }).getByRole('listitem')
  await expect(notes.locator('.badge')).toHaveText(['Changed', 'Orphaned'])
  await expect(review).toContainText('2 notes need review')
  for (const [width, height] of [
    [1024, 700],
    [1440, 900]
  ] as const) {
    await page.setViewportSize({ width, height })
    await notes.first().scrollIntoViewIfNeeded()
    await expect(notes.first()).toBeInViewport()
    await page.screenshot({ path: path.join(shots, `composer-included-${width}x${height}.png`) })
  }

  const after = await downloadMarkdown(page, path.join(dir, 'after.md'))
  expect(after).toContain(`**${MOVED_MARK}**\n\n> ${CHANGED_NOW}`)
  expect(after).toContain(`> ${INTACT}`)
  expect(after).toContain(`**${ORPHANED_MARK}**\n\n> ${DELETED}`)
  expect(after.match(/⚠/g)).toHaveLength(2)

  const storedChoice = () =>
    readJson<{ briefings: { includeNotesNeedingReview?: boolean }[] }>(path.join(dossier.dataDir, 'briefings.json'))
      .briefings[0]?.includeNotesNeedingReview
  await expect.poll(storedChoice).toBe(true)

  // "Show note" opens the changed note in its article, selected, for review.
  await notes
    .filter({ hasText: CHANGED_NOW })
    .getByRole('button', { name: /^Show note/ })
    .click()
  await expect(articleText).toBeVisible()
  const detail = page.getByRole('region', { name: 'Selected note' })
  await expect(detail.getByRole('group', { name: 'The passage changed' })).toContainText(CHANGED_NOW)
})

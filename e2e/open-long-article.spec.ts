/**
 * A long article opens in two parts (issue 12): its start, then the rest of its text. Whatever
 * the parts, the person sees every paragraph once and in order, a passage far past the start
 * is highlighted at the right place in the whole text (what is on disk says so), and after a
 * restart, when the app opens the article at start-up, the highlight is drawn there again.
 */
import type { Page } from '@playwright/test'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { expect, test } from './support/fixtures'
import { selectTextWithMouse } from './support/selection'
import path from 'node:path'

/** 150 numbered paragraphs of about 1,000 characters: 150 kB, so the start (64,000 characters) is a part of it. */
const PARAGRAPHS = Array.from(
  { length: 150 },
  (_, index) =>
    `Paragraphe numéro ${index + 1} du long rapport sur la gestion de l’eau au Sahel. ` +
    'Les éleveurs et les agriculteurs se disputent les points d’eau, les forages manquent et les comités locaux ' +
    'de conciliation peinent à faire appliquer leurs décisions dans les communes rurales. '.repeat(4)
)
const FAR_PASSAGE = 'Paragraphe numéro 140 du long rapport'
const LAST_PASSAGE = 'Paragraphe numéro 150 du long rapport'

async function importLongArticle(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (
    await chooser
  ).setFiles([{ name: 'rapport-long.txt', mimeType: 'text/plain', buffer: Buffer.from(PARAGRAPHS.join('\n\n')) }])
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeVisible({ timeout: 30_000 })
}

test('a long article opened in two parts shows every paragraph once, and a highlight far past its start lands there', async ({
  dossier
}) => {
  test.skip(dossier.mode === 'electron', 'Electron: Playwright cannot drive the file chooser in an Electron window')
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Kochavi')
  await importLongArticle(page)

  // Every paragraph, once and in order, and the pane no longer loading.
  await expect(articleText).not.toHaveAttribute('data-article-loading', /.*/, { timeout: 30_000 })
  const paragraphs = articleText.locator('p')
  await expect(paragraphs).toHaveCount(150)
  await expect(paragraphs.nth(63)).toContainText('Paragraphe numéro 64 ')
  await expect(paragraphs.nth(64)).toContainText('Paragraphe numéro 65 ')
  await expect(paragraphs.last()).toContainText(LAST_PASSAGE)
  await expect(page.getByRole('button', { name: 'Edit text' })).toBeEnabled()

  // A highlight in the 140th paragraph, far past the start: stored at its offset in the whole text.
  await paragraphs.nth(139).scrollIntoViewIfNeeded()
  await selectTextWithMouse(page, FAR_PASSAGE)
  await page.keyboard.press('h')
  await expect(page.locator('mark:not([data-note-ids^="pending-"])', { hasText: FAR_PASSAGE })).toHaveCount(1)
  const article = storedLibrary(dossier.dataDir).articles.find((each) => each.title.startsWith('Paragraphe numéro 1 '))
  expect(article).toBeDefined()
  const body = readJson<{ blocks: { text: string }[] }>(path.join(dossier.dataDir, 'articles', `${article!.id}.json`))
  const wholeText = body.blocks.map((block) => block.text).join('\n\n')
  await expect.poll(() => storedNotes(dossier.dataDir, article!.id).length).toBe(1)
  const [note] = storedNotes(dossier.dataDir, article!.id)
  expect(note!.anchor.quote.exact).toBe(FAR_PASSAGE)
  expect(note!.anchor.position.start).toBe(wholeText.indexOf(FAR_PASSAGE))
  expect(wholeText.slice(note!.anchor.position.start, note!.anchor.position.end)).toBe(FAR_PASSAGE)

  // After a restart the app opens this article (the latest import) in two parts, and draws the highlight again.
  await dossier.restart()
  const reopened = dossier.page.getByRole('textbox', { name: 'Article text' })
  await expect(reopened).not.toHaveAttribute('data-article-loading', /.*/, { timeout: 30_000 })
  await expect(reopened.locator('p')).toHaveCount(150)
  await expect(dossier.page.locator('mark', { hasText: FAR_PASSAGE })).toHaveCount(1)
})

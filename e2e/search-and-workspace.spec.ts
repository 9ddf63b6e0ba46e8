/**
 * Finding things again across the library: one search box (Ctrl+K or /) that ignores
 * accents and tolerates a typo, with a tag filter, whose results open the article at the
 * passage or the note; and the notes workspace, where notes from several articles are
 * filtered, tagged in bulk (undone and redone) and sent to a briefing.
 */
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { readJson, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

const SECOND_ARTICLE = {
  name: 'elysee.txt',
  text: [
    'L’Élysée prépare un sommet sur la sécurité régionale.',
    'Le président a reçu les chefs d’état-major à Paris pour parler du cœur du dispositif et de l’armée de l’air.'
  ].join('\n\n')
}

async function importText(page: Page, file: { name: string; text: string }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (await chooser).setFiles([{ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text, 'utf8') }])
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('sommet sur la sécurité')
}

async function tagPassage(page: Page, quote: string, tag: string): Promise<void> {
  await selectTextWithMouse(page, quote)
  await page.keyboard.press('t')
  const picker = page.getByRole('region', { name: 'Selected note' }).getByRole('combobox', { name: 'Add a tag' })
  await expect(picker).toBeFocused()
  await picker.fill(tag)
  await picker.press('Enter')
  await expect(page.getByRole('region', { name: 'Selected note' }).locator('.tag-chip__path')).toHaveText([tag])
}

async function search(page: Page, query: string) {
  await page.keyboard.press('Control+k')
  const box = page.getByRole('combobox', { name: 'Search everything' })
  await expect(box).toBeFocused()
  await box.fill(query)
  return page.getByRole('dialog', { name: 'Search' })
}

test('search without accents, with a typo and a tag filter; open results; bulk-tag notes and undo', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  await tagPassage(page, 'logiciel espion fabriqué en Israël', 'Thèmes/Surveillance')
  await tagPassage(page, "« Tout n'est pas une question de sécurité »", 'Acteurs/Israël')
  await importText(page, SECOND_ARTICLE)
  await tagPassage(page, 'sommet sur la sécurité régionale', 'Thèmes/Diplomatie')

  // Without accents: « securite » finds « sécurité » in both articles and in two notes.
  let dialog = await search(page, 'securite')
  await expect(dialog.getByRole('group', { name: /\barticles?$/i }).getByRole('option')).toHaveCount(2)
  await expect(dialog.getByRole('group', { name: /\bnotes?$/i }).getByRole('option')).toHaveCount(2)
  await expect(dialog.locator('mark').first()).toHaveText(/sécurité/i)
  await page.screenshot({ path: testInfo.outputPath('search.png') })

  // Ligature, apostrophe and capital: « coeur », « l'armee », « Elysee ».
  await page.getByRole('combobox', { name: 'Search everything' }).fill("coeur l'armee elysee")
  await expect(dialog.getByRole('group', { name: /\barticles?$/i }).getByRole('option')).toHaveCount(1)
  await expect(dialog.getByRole('group', { name: /\barticles?$/i })).toContainText('Élysée')

  // One typo on a long word.
  await page.getByRole('combobox', { name: 'Search everything' }).fill('survillance')
  await expect(dialog.getByRole('group', { name: /\bnotes?$/i }).getByRole('option')).toHaveCount(1)
  await expect(dialog.getByRole('group', { name: /\bnotes?$/i })).toContainText('logiciel espion')

  // A tag filter narrows to the notes under that tag (a parent includes its children).
  await page.getByRole('combobox', { name: 'Search everything' }).fill('tag:themes securite')
  await expect(dialog.getByRole('group', { name: /\bnotes?$/i }).getByRole('option')).toHaveCount(1)
  await expect(dialog.getByRole('group', { name: /\bnotes?$/i })).toContainText('sommet sur la sécurité régionale')
  await expect(dialog.getByRole('group', { name: /\barticles?$/i })).toHaveCount(0)

  // Enter on a note result opens its article and shows the note.
  await page.getByRole('combobox', { name: 'Search everything' }).fill('espion')
  const noteResult = dialog.getByRole('group', { name: /\bnotes?$/i }).getByRole('option')
  await expect(noteResult).toHaveText([/logiciel espion/])
  await noteResult.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'Selected note' }).locator('blockquote')).toHaveText(
    'logiciel espion fabriqué en Israël'
  )
  await expect(page.locator('mark.note-mark--selected')).toContainText('logiciel espion')

  // An article result opens the article with the passage selected.
  dialog = await search(page, 'dispositif')
  await expect(dialog.getByRole('group', { name: /\barticles?$/i }).getByRole('option')).toHaveCount(1)
  await page.getByRole('combobox', { name: 'Search everything' }).press('Enter')
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe('dispositif')

  // The workspace: notes from both articles, filtered by a parent tag, bulk-tagged, undone and redone.
  await page.getByRole('button', { name: 'Notes', exact: true }).click()
  const list = page.getByRole('list', { name: 'Notes' })
  await expect(list.getByRole('listitem')).toHaveCount(3)
  const filters = page.getByRole('complementary', { name: 'Filter notes' })
  await filters.getByRole('group', { name: 'Tags' }).getByText('Thèmes', { exact: true }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await page.getByRole('checkbox', { name: 'Select every note shown' }).check()
  const actions = page.getByRole('group', { name: 'Selected notes' })
  const picker = actions.getByRole('combobox', { name: 'Add a tag' })
  await picker.fill('Priorité/Haute')
  await picker.press('Enter')
  await expect(list.locator('.tag-chip__path', { hasText: 'Priorité/Haute' })).toHaveCount(2)
  await page.screenshot({ path: testInfo.outputPath('workspace.png') })

  const tagged = () => {
    const library = readJson<{ articles: { id: string }[]; tags: { id: string; path: string }[] }>(
      path.join(dossier.dataDir, 'library.json')
    )
    const high = library.tags.find((tag) => tag.path === 'Priorité/Haute')?.id
    return library.articles
      .flatMap((article) => storedNotes<{ tagIds: string[] }>(dossier.dataDir, article.id))
      .filter((note) => high && note.tagIds.includes(high)).length
  }
  await expect.poll(tagged).toBe(2)
  await page.locator('.notes-workspace__main').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(list.locator('.tag-chip__path', { hasText: 'Priorité/Haute' })).toHaveCount(0)
  await expect.poll(tagged).toBe(0)
  await page.keyboard.press('Control+Shift+Z')
  await expect(list.locator('.tag-chip__path', { hasText: 'Priorité/Haute' })).toHaveCount(2)
  await expect.poll(tagged).toBe(2)

  // Recolour both at once, then take the tag off them again.
  const colorsOnDisk = () => {
    const library = readJson<{ articles: { id: string }[] }>(path.join(dossier.dataDir, 'library.json'))
    return library.articles
      .flatMap((article) =>
        storedNotes<{ color: string | null; anchor: { quote: { exact: string } } }>(dossier.dataDir, article.id)
      )
      .filter((note) => note.color === '#f472b6')
      .map((note) => note.anchor.quote.exact)
      .sort()
  }
  await actions.getByRole('button', { name: 'Recolour pink' }).click()
  await expect.poll(colorsOnDisk).toEqual(['logiciel espion fabriqué en Israël', 'sommet sur la sécurité régionale'])
  await actions.getByRole('combobox', { name: 'Remove a tag from the selected notes' }).selectOption({
    label: 'Priorité/Haute'
  })
  await expect(list.locator('.tag-chip__path', { hasText: 'Priorité/Haute' })).toHaveCount(0)
  await expect.poll(tagged).toBe(0)

  // The selection becomes a briefing holding exactly those notes.
  await actions.getByRole('button', { name: 'New briefing from selection' }).click()
  await expect(page.getByRole('textbox', { name: 'Briefing title' })).toHaveValue('Selected notes')
  await expect(page.getByTestId('briefing-preview').locator('blockquote')).toHaveCount(2)
})

/**
 * Turning highlights into tagged notes: writing the note, tagging with new hierarchical
 * tags and existing ones from the picker, filtering by a parent tag, all kept on disk and
 * across a restart.
 */
import { expect, test } from './support/fixtures'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'
import path from 'node:path'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

test('highlights become notes with text and hierarchical tags, filtered by parent tag, kept after a restart', async ({
  dossier
}, testInfo) => {
  let { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const detail = page.getByRole('region', { name: 'Selected note' })
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })

  await selectTextWithMouse(page, 'logiciel espion fabriqué en Israël')
  await page.keyboard.press('h')
  await expect(detail.locator('blockquote')).toHaveText('logiciel espion fabriqué en Israël')
  await detail
    .getByRole('textbox', { name: 'Note', exact: true })
    .fill('Pegasus : à *recouper* avec le rapport d’Amnesty.')
  await picker.fill('Acteurs/Israël')
  await expect(
    page.getByRole('listbox', { name: 'Tags' }).getByRole('option', { name: 'Create tag “Acteurs/Israël”' })
  ).toBeVisible()
  await picker.press('Enter')
  await expect(detail.getByRole('group', { name: 'Tags of this note' }).locator('.tag-chip__path')).toHaveText([
    'Acteurs/Israël'
  ])
  await picker.fill('Thèmes/Surveillance')
  await picker.press('Enter')
  await expect(detail.getByText('Saved')).toBeVisible()

  await selectTextWithMouse(page, 'Rabat a également tenté de négocier de meilleures conditions pour les Palestiniens')
  await page.keyboard.press('h')
  await expect(detail.locator('blockquote')).toHaveText(
    'Rabat a également tenté de négocier de meilleures conditions pour les Palestiniens'
  )
  // An existing tag found without accents or capitals.
  await picker.fill('acteurs/isr')
  await expect(page.getByRole('listbox', { name: 'Tags' }).getByRole('option').first()).toHaveText('Acteurs/Israël')
  await picker.press('Enter')
  await picker.fill('Acteurs/Maroc')
  await picker.press('Enter')
  await expect(detail.getByRole('group', { name: 'Tags of this note' }).locator('.tag-chip__path')).toHaveText([
    'Acteurs/Israël',
    'Acteurs/Maroc'
  ])
  await page.screenshot({ path: testInfo.outputPath('tagged-notes.png') })

  const list = page.getByRole('list', { name: 'Notes in this article' })
  const filter = page.getByRole('combobox', { name: 'Filter notes by tag' })
  await filter.selectOption({ label: 'Acteurs (2)' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await filter.selectOption({ label: '\u2003Maroc (1)' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Rabat a également tenté')
  await filter.selectOption({ label: 'Thèmes (1)' })
  await expect(list).toContainText('Pegasus : à recouper')

  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const library = readJson<{ tags: { id: string; path: string; color: string }[] }>(
    path.join(dossier.dataDir, 'library.json')
  )
  expect(library.tags.map((tag) => tag.path)).toEqual(['Acteurs/Israël', 'Thèmes/Surveillance', 'Acteurs/Maroc'])
  const idOf = (tagPath: string) => library.tags.find((tag) => tag.path === tagPath)!.id
  // A highlight takes its first tag's colour.
  const israelColor = library.tags.find((tag) => tag.path === 'Acteurs/Israël')!.color
  await expect(page.locator('mark', { hasText: 'logiciel espion' })).toHaveCSS('--note-color', israelColor)
  // On disk, notes are kept in the order they were made.
  await expect
    .poll(() =>
      storedNotes(dossier.dataDir, articleId).map((note) => ({
        quote: note.anchor.quote.exact,
        tagIds: (note as unknown as { tagIds: string[] }).tagIds,
        text: (note as unknown as { text: string }).text
      }))
    )
    .toEqual([
      {
        quote: 'logiciel espion fabriqué en Israël',
        tagIds: [idOf('Acteurs/Israël'), idOf('Thèmes/Surveillance')],
        text: 'Pegasus : à *recouper* avec le rapport d’Amnesty.'
      },
      {
        quote: 'Rabat a également tenté de négocier de meilleures conditions pour les Palestiniens',
        tagIds: [idOf('Acteurs/Israël'), idOf('Acteurs/Maroc')],
        text: ''
      }
    ])

  await dossier.restart()
  page = dossier.page
  const notes = page.getByRole('list', { name: 'Notes in this article' }).getByRole('listitem')
  await expect(notes).toHaveCount(2)
  await expect(notes.nth(1)).toContainText('Pegasus : à recouper avec le rapport d’Amnesty.')
  await expect(notes.nth(1).locator('em')).toHaveText('recouper')
  await expect(notes.nth(1).locator('.tag-chip__path')).toHaveText(['Acteurs/Israël', 'Thèmes/Surveillance'])
  // Removing a tag from a note leaves the tag and the other notes alone.
  await notes.nth(0).click()
  await page
    .getByRole('region', { name: 'Selected note' })
    .getByRole('button', { name: 'Remove tag Acteurs/Maroc' })
    .click()
  await expect(notes.nth(0).locator('.tag-chip__path')).toHaveText(['Acteurs/Israël'])
  await expect
    .poll(() =>
      storedNotes(dossier.dataDir, articleId).map((note) => (note as unknown as { tagIds: string[] }).tagIds.length)
    )
    .toEqual([2, 1])
})

test('N and T open the new note’s text or tag picker; J and K move between highlights', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const detail = page.getByRole('region', { name: 'Selected note' })

  await selectTextWithMouse(page, 'Pegasus')
  const popover = page.getByRole('toolbar', { name: 'Selection' })
  await expect(popover.getByRole('button').filter({ hasText: /\S/ })).toHaveText(['Highlight H', 'Note N', 'Tag T'])
  await expect(popover.getByRole('group', { name: 'Highlight in a colour' }).getByRole('button')).toHaveCount(5)
  await page.screenshot({ path: testInfo.outputPath('selection-popover.png') })
  await page.keyboard.press('n')
  const noteText = detail.getByRole('textbox', { name: 'Note', exact: true })
  await expect(noteText).toBeFocused()
  await page.keyboard.type('Logiciel espion à vérifier.')

  await selectTextWithMouse(page, 'Rabat a également tenté')
  await page.keyboard.press('t')
  await expect(detail.locator('blockquote')).toHaveText('Rabat a également tenté')
  await expect(detail.getByRole('combobox', { name: 'Add a tag' })).toBeFocused()
  await page.keyboard.type('Lieux/Rabat')
  await page.keyboard.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText(['Lieux/Rabat'])

  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  await expect
    .poll(() => storedNotes(dossier.dataDir, articleId).map((note) => (note as unknown as { text: string }).text))
    .toEqual(['Logiciel espion à vérifier.', ''])

  // J and K walk the highlights in document order, from the selected one (Rabat, the first).
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('j')
  await expect(detail.locator('blockquote')).toHaveText('Pegasus')
  await expect(page.locator('mark.note-mark--selected')).toHaveText('Pegasus')
  await page.keyboard.press('k')
  await expect(detail.locator('blockquote')).toHaveText('Rabat a également tenté')
  await expect(page.locator('mark.note-mark--selected')).toHaveText('Rabat a également tenté')
  await page.keyboard.press('k')
  await expect(detail.locator('blockquote')).toHaveText('Rabat a également tenté')
})

test('the tag manager moves a tag by renaming it, recolours and deletes tags, each undoable', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const detail = page.getByRole('region', { name: 'Selected note' })
  const picker = detail.getByRole('combobox', { name: 'Add a tag' })
  for (const [passage, tags] of [
    ['Pegasus', ['Acteurs/Israël', 'Thèmes/Surveillance']],
    ['Rabat a également tenté', ['Acteurs/Maroc']]
  ] as const) {
    await selectTextWithMouse(page, passage)
    await page.keyboard.press('t')
    await expect(detail.locator('blockquote')).toHaveText(passage)
    for (const tag of tags) {
      await picker.fill(tag)
      await picker.press('Enter')
    }
    await expect(detail.locator('.tag-chip__path')).toHaveText([...tags])
  }

  await page.getByRole('button', { name: 'Tags…' }).click()
  const manager = page.getByRole('dialog', { name: 'Tag manager' })
  await expect(manager.getByRole('listitem', { name: 'Acteurs', exact: true })).toContainText('2 notes')
  await page.screenshot({ path: testInfo.outputPath('tag-manager.png') })

  await manager.getByLabel('Colour of Acteurs/Maroc').fill('#0f766e')
  // Renaming moves a tag to another parent: every chip changes, in the panel and on disk.
  await manager.getByRole('listitem', { name: 'Acteurs/Israël' }).getByRole('button', { name: 'Rename…' }).click()
  await manager.getByRole('textbox', { name: 'New name for Acteurs/Israël' }).fill('Protagonistes/Israël')
  await manager.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(manager.getByRole('listitem', { name: 'Protagonistes/Israël' })).toBeVisible()
  await manager.getByRole('listitem', { name: 'Thèmes/Surveillance' }).getByRole('button', { name: 'Delete' }).click()
  await expect(manager.getByRole('listitem', { name: 'Thèmes/Surveillance' })).toHaveCount(0)
  await manager.getByRole('button', { name: 'Close' }).click()

  const notesList = page.getByRole('list', { name: 'Notes in this article' })
  await expect(notesList.getByRole('listitem').nth(1).locator('.tag-chip__path')).toHaveText(['Protagonistes/Israël'])
  const libraryFile = () =>
    readJson<{ tags: { path: string; color: string }[] }>(path.join(dossier.dataDir, 'library.json'))
  await expect
    .poll(() =>
      libraryFile()
        .tags.map((tag) => tag.path)
        .sort()
    )
    .toEqual(['Acteurs/Maroc', 'Protagonistes/Israël'])
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  await expect
    .poll(() =>
      storedNotes(dossier.dataDir, articleId).map((note) => (note as unknown as { tagIds: string[] }).tagIds.length)
    )
    .toEqual([1, 1])

  // Ctrl+Z brings the deleted tag back onto its note, then undoes the rename.
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('Control+z')
  await expect(notesList.getByRole('listitem').nth(1).locator('.tag-chip__path')).toHaveText([
    'Protagonistes/Israël',
    'Thèmes/Surveillance'
  ])
  await page.keyboard.press('Control+z')
  await expect(notesList.getByRole('listitem').nth(1).locator('.tag-chip__path')).toHaveText([
    'Acteurs/Israël',
    'Thèmes/Surveillance'
  ])
  await expect
    .poll(() =>
      libraryFile()
        .tags.map((tag) => tag.path)
        .sort()
    )
    .toEqual(['Acteurs/Israël', 'Acteurs/Maroc', 'Thèmes/Surveillance'])
})

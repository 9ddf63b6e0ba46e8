/**
 * Notes on the whole article (a summary, an assessment, how far the source can be trusted), in a
 * French interface: written and tagged at the top of the notes panel, still there after a reload
 * and in the article's notes file, found by the search box, listed in the notes workspace, printed
 * as the introduction of their source's section in a Markdown briefing, and put back by Undo after
 * a deletion. Screens of the panel and the workspace are saved at both sizes to be looked at.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { readJson, storedArticleNotes, storedLibrary } from './support/disk'
import { selectTextWithMouse } from './support/selection'
import { shootBothSizes, shotsDir } from './support/shots'

test.use({ locale: 'fr-FR' })

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter(
    (url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:|blob:)/.test(url)
  )
  expect(outside).toEqual([])
})

const SUMMARY =
  'Synthèse : l’article retrace la coopération sécuritaire entre le Maroc et Israël depuis les accords de 2020. ' +
  'Fiabilité de la source : bonne, les chiffres sont sourcés, mais l’auteur s’appuie surtout sur des responsables israéliens.'
const TAG = 'Évaluation/Fiabilité de la source/À recouper avec les services partenaires'
const QUOTE = 'logiciel espion fabriqué en Israël'

function shoot(page: Page, name: string): Promise<void> {
  return shootBothSizes(page, shotsDir('article-notes'), name)
}

test('a note on the whole article: written, tagged, kept, found, in the workspace and a briefing, undeletable', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Texte de l’article' })).toContainText('Pegasus')
  const [article] = storedLibrary(dossier.dataDir).articles
  const articleId = article!.id
  const panel = page.getByRole('complementary', { name: 'Notes' })
  const section = panel.getByRole('region', { name: 'Sur l’ensemble de l’article' })
  await expect(section).toContainText('les notes sur l’ensemble de l’article se placent ici (touche A)')

  // A passage note too, so the briefing has a quote after the introduction.
  await selectTextWithMouse(page, QUOTE)
  await page.keyboard.press('h')
  await expect(page.locator('mark')).toHaveText(QUOTE)

  // Write it and tag it, in place at the top of the panel.
  await section.getByRole('button', { name: 'Ajouter une note sur l’article' }).click()
  const editor = section.getByRole('region', { name: 'Note sur l’ensemble de l’article' })
  const text = editor.getByRole('textbox', { name: 'Note sur l’article' })
  await expect(text).toBeFocused()
  await text.fill(SUMMARY)
  await expect(editor.getByText('Enregistré')).toBeVisible()
  const picker = editor.getByRole('combobox', { name: 'Ajouter une étiquette' })
  await picker.fill(TAG)
  await picker.press('Enter')
  await expect(editor.locator('.tag-chip__path')).toHaveText([TAG])
  await shoot(page, 'panel-editing')
  await editor.getByRole('button', { name: 'Terminé' }).click()
  // One item per note: a button showing it, or its editor when it is the selected one.
  const rows = section.getByRole('list', { name: 'Notes sur l’ensemble de l’article' }).getByRole('listitem')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Fiabilité de la source : bonne')
  await expect(rows.first().locator('.tag-chip__path')).toHaveText([TAG])
  // At the top of the panel, before the passage notes.
  await expect(panel.locator('> *').nth(1)).toHaveClass(/article-notes/)
  await expect(panel.getByRole('list', { name: 'Notes de cet article' })).toContainText(QUOTE)
  await shoot(page, 'panel')

  // On disk, in the article's notes file beside the passage notes, with its tag.
  const tagId = () =>
    readJson<{ tags: { id: string; path: string }[] }>(path.join(dossier.dataDir, 'library.json')).tags.find(
      (tag) => tag.path === TAG
    )?.id
  await expect.poll(tagId).toBeTruthy()
  await expect
    .poll(() => storedArticleNotes(dossier.dataDir, articleId))
    .toEqual([expect.objectContaining({ kind: 'article', text: SUMMARY, tagIds: [tagId()] })])

  // A reload shows it again.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Texte de l’article' })).toContainText('Pegasus')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Synthèse : l’article retrace')

  // The search box finds it by a word of its text, without accents, and says what it is.
  await page.keyboard.press('Control+k')
  const box = page.getByRole('combobox', { name: 'Rechercher partout' })
  await expect(box).toBeFocused()
  await box.fill('securitaire')
  const dialog = page.getByRole('dialog', { name: 'Recherche' })
  const noteHits = dialog.getByRole('group', { name: /\bnotes?$/i }).getByRole('option')
  await expect(noteHits).toHaveCount(1)
  await expect(noteHits.first()).toContainText('Note sur l’ensemble de l’article')
  await expect(noteHits.first().locator('mark')).toHaveText(['sécuritaire'])
  await noteHits.first().click()
  await expect(dialog).toBeHidden()
  await expect(editor.getByRole('textbox', { name: 'Note sur l’article' })).toHaveValue(SUMMARY)

  // The notes workspace lists it as a note on the whole article, with the article's title.
  await page.getByRole('button', { name: 'Notes', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Toutes les notes de la bibliothèque' })).toBeAttached()
  const cards = page.getByRole('list', { name: 'Notes' }).getByRole('listitem')
  await expect(cards).toHaveCount(2)
  const card = cards.filter({ hasText: 'Sur l’ensemble de l’article' })
  await expect(card).toContainText(article!.title)
  await expect(card).toContainText('Fiabilité de la source : bonne')
  await expect(card.locator('.tag-chip__path')).toHaveText([TAG])
  await shoot(page, 'workspace')

  // A briefing of both notes, grouped by source: the note introduces its source's section.
  await page.getByRole('checkbox', { name: 'Sélectionner toutes les notes affichées' }).check()
  await page.getByRole('button', { name: 'Nouvelle synthèse avec la sélection' }).click()
  const composer = page.getByRole('region', { name: 'Rédaction' })
  await composer.getByRole('combobox', { name: 'Regrouper par' }).selectOption('article')
  const include = composer.getByRole('checkbox', { name: /^Inclure la note sur l’ensemble de l’article/ })
  await expect(include).toBeChecked()
  const preview = page.getByTestId('briefing-preview')
  await expect(preview).toContainText('Fiabilité de la source : bonne')
  await expect(preview.locator('blockquote')).toHaveCount(1)
  await expect(composer.getByRole('status')).toHaveText('Enregistré')
  await shoot(page, 'composer')
  const exportsDir = testInfo.outputPath('exports')
  fs.mkdirSync(exportsDir, { recursive: true })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Exporter' }).getByRole('button', { name: 'Markdown' }).click()
  ])
  const markdownFile = path.join(exportsDir, download.suggestedFilename())
  await download.saveAs(markdownFile)
  const markdown = fs.readFileSync(markdownFile, 'utf8')
  const introduction = markdown.indexOf('Synthèse : l’article retrace')
  expect(introduction).toBeGreaterThan(markdown.indexOf(article!.title))
  expect(markdown).toContain(QUOTE)
  expect(introduction).toBeLessThan(markdown.indexOf(QUOTE))
  // Printed as a paragraph of its own, not quoted.
  expect(markdown.split('\n').find((line) => line.includes('Synthèse : l’article retrace'))).not.toMatch(/^>/)

  // Back in the reading view: A adds a second one, and what is typed at once lands in it.
  await page.getByRole('button', { name: 'Articles', exact: true }).click()
  await expect(rows).toHaveCount(1)
  await page.locator('.reader').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('a')
  await page.keyboard.type('Deuxième avis.')
  await expect(editor.getByRole('textbox', { name: 'Note sur l’article' })).toHaveValue('Deuxième avis.')
  await expect(editor.getByText('Enregistré')).toBeVisible()
  await expect
    .poll(() => storedArticleNotes(dossier.dataDir, articleId).map((note) => note.text))
    .toEqual([SUMMARY, 'Deuxième avis.'])

  // Deleting the first, then Undo in the message, puts it back with its tag, on screen and on disk.
  await rows.first().locator('.article-notes__item').click()
  await expect(editor.getByRole('textbox', { name: 'Note sur l’article' })).toHaveValue(SUMMARY)
  await editor.getByRole('button', { name: 'Supprimer la note' }).click()
  await expect
    .poll(() => storedArticleNotes(dossier.dataDir, articleId).map((note) => note.text))
    .toEqual(['Deuxième avis.'])
  const message = page.locator('.message', { hasText: 'Note sur l’article supprimée.' })
  await message.getByRole('button', { name: 'Annuler' }).click()
  await expect
    .poll(() => storedArticleNotes(dossier.dataDir, articleId))
    .toEqual([
      expect.objectContaining({ text: SUMMARY, tagIds: [tagId()] }),
      expect.objectContaining({ text: 'Deuxième avis.' })
    ])
  await expect(section.getByRole('listitem')).toHaveCount(2)
  await expect(section).toContainText('Synthèse : l’article retrace')
})

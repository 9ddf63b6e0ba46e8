/**
 * The walking skeleton as a person meets it: the sample article on first run, a passage
 * highlighted with the mouse and the H key, the highlight still there after a restart,
 * and its note shown and deleted from the side panel. Runs in browser mode and Electron.
 */
import path from 'node:path'
import fs from 'node:fs'
import { expect, test } from './support/fixtures'
import { snapshotFiles, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'

const PASSAGE = 'lieutenant-général Aviv Kochavi'

test.afterEach(async ({ dossier }) => {
  // Zero network: everything the page asked for came from the app itself.
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

test('first run opens the French sample article in a reading pane', async ({ dossier }, testInfo) => {
  const { page } = dossier
  const text = page.getByRole('textbox', { name: 'Article text' })
  await expect(text).toContainText(`le ${PASSAGE}, a démarré lundi sa visite au Maroc`)
  // French punctuation exactly as written: guillemets with their spaces, apostrophes untouched.
  await expect(text).toContainText("dont l'objectif est de « promouvoir la coopération militaire » entre les deux pays")
  await expect(text).toHaveAttribute('contenteditable', 'false')
  await expect(text).toHaveAttribute('lang', 'fr')
  // The inline teaser is set apart from the article's own paragraphs.
  await expect(page.locator('.article-aside')).toHaveText(
    "→ Lire aussi : Le Maroc et Israël signent à Genève un Mémorandum d'entente sur la propriété intellectuelle"
  )
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Le chef d'état-major de l'armée israélienne")
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(1)

  const library = storedLibrary(dossier.dataDir)
  expect(library.schemaVersion).toBe(2)
  expect(library.articles).toHaveLength(1)
  const articleId = library.articles[0]!.id
  const bodyFile = path.join(dossier.dataDir, 'articles', `${articleId}.json`)
  const stored = JSON.parse(fs.readFileSync(bodyFile, 'utf8')) as { blocks: { text: string }[] }
  // Regrouping into readable paragraphs changed only white space, never a word.
  const original = fs.readFileSync(path.join(__dirname, '..', 'resources', 'sample-article.txt'), 'utf8')
  expect(stored.blocks.map((block) => block.text).join(' ')).toBe(original)

  await page.screenshot({ path: testInfo.outputPath('first-run.png') })
  await page.screenshot({ path: path.join('test-results', `first-run-${dossier.mode}.png`) })
})

test('a passage selected with the mouse and highlighted with H is stored and survives a restart', async ({
  dossier
}, testInfo) => {
  let { page } = dossier
  const text = page.getByRole('textbox', { name: 'Article text' })
  await expect(text).toContainText(PASSAGE)

  // The phrase appears twice; highlight the second one, so the anchor must tell them apart.
  await selectTextWithMouse(page, PASSAGE, 1)
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
  await page.keyboard.press('h')

  const mark = page.locator('mark')
  await expect(mark).toHaveCount(1)
  await expect(mark).toHaveText(PASSAGE)
  await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('1 note')

  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  await expect.poll(() => storedNotes(dossier.dataDir, articleId)).toHaveLength(1)
  const [note] = storedNotes(dossier.dataDir, articleId)
  expect(note!.anchor.quote).toEqual({
    type: 'TextQuoteSelector',
    exact: PASSAGE,
    prefix: 'ique américaine. Alors que le voyage du '.slice(-32),
    suffix: ' a été présenté par Israël dans le cadre de la coopération'.slice(0, 32)
  })
  expect(note!.anchor.position.type).toBe('TextPositionSelector')
  expect(note!.anchor.position.end - note!.anchor.position.start).toBe(PASSAGE.length)
  await page.screenshot({ path: testInfo.outputPath('highlighted.png') })

  await dossier.restart()
  page = dossier.page
  const markAfterRestart = page.locator('mark')
  await expect(markAfterRestart).toHaveCount(1)
  await expect(markAfterRestart).toHaveText(PASSAGE)
  // Still the second occurrence: the text just before it is the start of the second sentence.
  const before = await markAfterRestart.evaluate((element) => element.previousSibling?.textContent ?? '')
  expect(before.endsWith('Alors que le voyage du ')).toBe(true)

  // Clicking the highlight shows its note in the side panel.
  await markAfterRestart.click()
  const detail = page.getByRole('region', { name: 'Selected note' })
  await expect(detail.locator('blockquote')).toHaveText(PASSAGE)
  await expect(detail.locator('time')).toHaveAttribute('datetime', note!.createdAt)
  await page.screenshot({ path: testInfo.outputPath('note-panel.png') })

  await detail.getByRole('button', { name: 'Delete note' }).click()
  await expect(page.locator('mark')).toHaveCount(0)
  await expect.poll(() => storedNotes(dossier.dataDir, articleId)).toHaveLength(0)
})

test('the Highlight button in the selection popover does the same as H', async ({ dossier }) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  await selectTextWithMouse(page, 'logiciel espion fabriqué en Israël')
  const before = snapshotFiles(dossier.dataDir)
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight H' }).click()
  await expect(page.locator('mark')).toHaveText('logiciel espion fabriqué en Israël')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  await expect
    .poll(() => storedNotes(dossier.dataDir, articleId).map((note) => note.anchor.quote.exact))
    .toEqual(['logiciel espion fabriqué en Israël'])
  // A new note touches its notes file and the article's note count in library.json (so listing the library
  // opens no notes file): never the article body. Backups and the search index (derived, rebuilt when lost)
  // are left out here; what a save writes in all is measured by npm run bench.
  await expect.poll(() => storedLibrary(dossier.dataDir).articles[0]).toMatchObject({ noteCount: 1 })
  const after = snapshotFiles(dossier.dataDir)
  const changed = Object.keys(after).filter(
    (file) => after[file] !== before[file] && !file.startsWith('.backups') && !file.startsWith('search-index')
  )
  expect(changed.map((file) => file.split(path.sep)[0]).sort()).toEqual(['library.json', 'notes'])
})

/**
 * The whole way from a PDF report to a cited deliverable and a reference manager, as the
 * issue's « done means » walks it: a two-column PDF made in the test is imported through
 * the interface, a passage that crosses a line break of the PDF is highlighted, a new
 * briefing cites it in the French house style (its default) with the page, then in an
 * author-date style added from a `.csl` file the test writes; the briefing's sources and the
 * whole library go out as BibTeX and are read back with citation-js. Every file is checked
 * as downloaded, and what Dossier keeps in its data folder as stored. A note on the whole
 * article (the analyst's assessment of the report) opens the report's section of the briefing.
 *
 * The test is a list of named steps, each a function below.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { bodyLine as body, makePdf, pageFooter, runningHeader } from '../src/main/services/import/testing/pdfFixtures'
import { readBibtex } from './support/bibtex'
import { chooseDocumentLanguage, download, makeNote, storedBriefingLanguage } from './support/briefingSteps'
import { readJson, storedArticleNotes, storedLibrary, storedNotes } from './support/disk'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'

const NBSP = '\u00a0'
const SHOTS = shotsDir('briefings')
const TITLE = 'La force conjointe au Sahel'
const TAG = 'Sahel'

/**
 * Two columns on page 1; on page 2 the quoted passage runs over two lines of the left
 * column (« …la force conjointe » / « sera déployée… »), so the highlight crosses what was a
 * line break in the PDF.
 */
const REPORT = [
  [
    runningHeader(),
    { text: TITLE, x: 50, y: 760, size: 20 },
    body('Les États de la région coordonnent leurs', 50, 720),
    body('patrouilles depuis le printemps, sous un', 50, 706),
    body('commandement tournant.', 50, 692),
    body('Les bailleurs financent les routes du', 315, 720),
    body('nord, les postes de contrôle et les', 315, 706),
    body('ponts.', 315, 692),
    pageFooter(1)
  ],
  [
    runningHeader(),
    body('Selon la ministre Awa Diallo, la force conjointe', 50, 730),
    body('sera déployée avant la saison des pluies.', 50, 716),
    pageFooter(2)
  ]
]
const QUOTE = 'la force conjointe sera déployée'
const ASSESSMENT = 'Source fiable : rapport officiel, chiffres recoupés avec la presse régionale.'

/** A small but real author-date style: (Diallo 2024, p. 2) in the text, name and year in the list. */
const AUTHOR_DATE_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Auteur-date e2e</title><id>https://example.org/author-date-e2e</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <group delimiter=" ">
          <names variable="author"><name form="short"/></names>
          <date variable="issued"><date-part name="year"/></date>
        </group>
        <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name name-as-sort-order="first"/></names>
        <date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>
        <text variable="title" font-style="italic"/>
      </group>
    </layout>
  </bibliography>
</style>
`

interface StoredArticle {
  id: string
  title: string
  author: string | null
  publishedAt: string | null
}

interface StoredBriefing {
  citationStyle: string
}

/** The screen at both sizes the issue names, with `shown` scrolled into view when given. */
async function shoot(page: Page, name: string, shown?: Locator): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await shown?.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

function storedArticle(dataDir: string, articleId: string): StoredArticle {
  const library = readJson<{ articles: StoredArticle[] }>(path.join(dataDir, 'library.json'))
  return library.articles.find((entry) => entry.id === articleId)!
}

function storedBriefingStyle(dataDir: string): string | undefined {
  return readJson<{ briefings: StoredBriefing[] }>(path.join(dataDir, 'briefings.json')).briefings[0]?.citationStyle
}

async function importReport(page: Page, dataDir: string): Promise<string> {
  const bytes = await makePdf(REPORT, {
    title: TITLE,
    author: 'Awa Diallo',
    creationDate: new Date('2024-03-15T09:00:00Z'),
    language: 'fr-FR'
  })
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (
    await chooser
  ).setFiles([{ name: 'force-conjointe.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }])
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  // Read column by column (each paragraph a block of its own), the two PDF lines of the quote joined.
  await expect(articleText).toContainText(
    'coordonnent leurs patrouilles depuis le printemps, sous un commandement tournant.Les bailleurs financent les routes du nord'
  )
  await expect(articleText).toContainText(`Selon la ministre Awa Diallo, ${QUOTE} avant la saison des pluies.`)
  // The message goes away by itself; the text must stop moving before the mouse drags over it.
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeHidden()
  const article = storedLibrary(dataDir).articles.find((entry) => entry.title === TITLE)!
  expect(storedArticle(dataDir, article.id)).toMatchObject({
    title: TITLE,
    author: 'Awa Diallo',
    publishedAt: '2024-03-15T09:00:00Z'
  })
  return article.id
}

async function highlightAcrossLineBreak(page: Page, dataDir: string, articleId: string): Promise<void> {
  await makeNote(page, QUOTE, TAG, 'Calendrier à confirmer.')
  await expect.poll(() => storedNotes(dataDir, articleId).map((note) => note.anchor.quote.exact)).toEqual([QUOTE])
}

async function writeArticleNote(page: Page, dataDir: string, articleId: string): Promise<void> {
  const section = page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('region', { name: 'On the whole article' })
  await section.getByRole('button', { name: 'Add a note on the article' }).click()
  const editor = section.getByRole('region', { name: 'Note on the whole article' })
  const text = editor.getByRole('textbox', { name: 'Note on the article' })
  await expect(text).toBeFocused()
  await text.fill(ASSESSMENT)
  await expect(editor.getByText('Saved')).toBeVisible()
  const picker = editor.getByRole('combobox', { name: 'Add a tag' })
  await picker.fill(TAG)
  await picker.press('Enter')
  await expect(editor.locator('.tag-chip__path')).toHaveText([TAG])
  await editor.getByRole('button', { name: 'Done' }).click()
  await expect
    .poll(() => storedArticleNotes(dataDir, articleId).map(({ kind, text }) => ({ kind, text })))
    .toEqual([{ kind: 'article', text: ASSESSMENT }])
}

async function exportLibraryAsBibtex(page: Page, dir: string): Promise<void> {
  const library = page.getByRole('navigation', { name: 'Library' })
  await library.getByRole('button', { name: 'Export bibliography' }).click()
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    library.getByRole('group', { name: 'Export the library as' }).getByRole('button', { name: 'BibTeX (.bib)' }).click()
  ])
  expect(file.suggestedFilename()).toBe('dossier-library.bib')
  const target = path.join(dir, file.suggestedFilename())
  await file.saveAs(target)
  const report = readBibtex(fs.readFileSync(target, 'utf8')).find((entry) => entry.title === TITLE)
  expect(report).toMatchObject({
    type: 'report',
    title: TITLE,
    author: [{ family: 'Diallo', given: 'Awa' }],
    issued: { 'date-parts': [[2024, 3, 15]] }
  })
}

async function newBriefingWithTag(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await expect(composer.getByText('This briefing has no notes yet.')).toBeVisible()
  await composer.getByRole('group', { name: 'Tags' }).getByText('Sahel', { exact: true }).click()
  // Grouped by source, the note on the whole article introduces the report's section.
  await composer.getByRole('combobox', { name: 'Group by' }).selectOption('article')
  await expect(page.getByRole('group', { name: 'Export' })).toContainText('Export 2 notes')
}

async function citeInHouseStyle(page: Page, dataDir: string, dir: string): Promise<void> {
  const composer = page.getByRole('region', { name: 'Composer' })
  // A new briefing is written in the French house style without being asked.
  await expect(composer.getByRole('combobox', { name: 'Citation style' }).locator('option:checked')).toHaveText(
    'Dossier — ISO 690 (style maison)'
  )
  await expect(composer.getByRole('status')).toHaveText('Saved')
  expect(storedBriefingStyle(dataDir)).toBe('iso690-dossier')
  // Created in an English interface, the briefing is written in English: the style's terms and dates follow.
  await expect(composer.getByRole('combobox', { name: 'Document language' }).locator('option:checked')).toHaveText(
    'English'
  )
  expect(storedBriefingLanguage(dataDir)).toBe('en')
  const figcaption = page.getByTestId('briefing-preview').locator('figcaption')
  await expect(figcaption).toContainText(`DIALLO Awa, ${TITLE}, March 15, 2024, p.${NBSP}2.`)
  // This one goes to a French readership: the analyst switches the document, not the interface.
  await chooseDocumentLanguage(page, dataDir, 'Français', 'fr')
  const citation = `DIALLO Awa, ${TITLE}, 15 mars 2024, p.${NBSP}2.`
  await expect(figcaption).toContainText(citation)
  await shoot(page, 'pdf-house-style', composer.getByRole('group', { name: 'Citations and tags' }))

  const markdown = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(markdown).toContain(`> ${QUOTE}`)
  expect(markdown).toContain(`> — [1] DIALLO Awa, *${TITLE}*, 15 mars 2024, p.${NBSP}2.`)
  // The assessment is the section's introduction: after the report's heading, before its quote, not quoted.
  const lines = markdown.split('\n')
  const introduction = lines.findIndex((line) => line.includes(ASSESSMENT))
  expect(lines[introduction]).toBe(ASSESSMENT)
  expect(lines.findIndex((line) => line.includes(TITLE))).toBeLessThan(introduction)
  expect(lines.findIndex((line) => line === `> ${QUOTE}`)).toBeGreaterThan(introduction)
  expect(markdown).toContain(`1. DIALLO Awa, *${TITLE}*, 15 mars 2024.`)
  const html = fs.readFileSync(await download(page, 'HTML', dir), 'utf8')
  expect(html).toContain(`DIALLO Awa, <i>${TITLE}</i>, 15 mars 2024, p.${NBSP}2.`)
  const docx = fs.readFileSync(await download(page, 'Word (.docx)', dir))
  const { default: JSZip } = await import('jszip')
  const documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
  expect(documentXml).toContain(`, 15 mars 2024, p.${NBSP}2.`)
}

async function citeInAddedStyle(page: Page, dataDir: string, dir: string): Promise<void> {
  const composer = page.getByRole('region', { name: 'Composer' })
  const styleFile = path.join(dir, 'auteur-date.csl')
  fs.writeFileSync(styleFile, AUTHOR_DATE_STYLE)
  const picker = page.waitForEvent('filechooser')
  await composer.getByRole('button', { name: 'Add a style…' }).click()
  await (await picker).setFiles(styleFile)
  const style = composer.getByRole('combobox', { name: 'Citation style' })
  await expect(style.locator('option:checked')).toHaveText('Auteur-date e2e (added)')
  await expect(composer.getByRole('status')).toHaveText('Saved')
  await expect(page.getByTestId('briefing-preview').locator('figcaption')).toContainText('(Diallo 2024, p. 2)')
  const kept = readJson<{ styles: { id: string; title: string; fileName: string; xml: string }[] }>(
    path.join(dataDir, 'citation-styles.json')
  )
  expect(kept.styles.map(({ title, fileName, xml }) => ({ title, fileName, xml }))).toEqual([
    { title: 'Auteur-date e2e', fileName: 'auteur-date.csl', xml: AUTHOR_DATE_STYLE }
  ])
  await expect.poll(() => storedBriefingStyle(dataDir)).toBe(kept.styles[0]!.id)

  const markdown = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(markdown).toContain('> — [1] (Diallo 2024, p. 2)')
  expect(markdown).toContain(`1. Diallo, Awa. (2024). *${TITLE}*.`)
}

async function exportBriefingSources(page: Page, dir: string): Promise<void> {
  const composer = page.getByRole('region', { name: 'Composer' })
  await composer.getByRole('button', { name: 'Export sources' }).click()
  const formats = composer.getByRole('group', { name: 'The briefing’s sources as' })
  await expect(formats.getByRole('button')).toHaveText(['BibTeX (.bib)', 'RIS (.ris)', 'CSL-JSON (.json)'])
  await shoot(page, 'composer-sources-menu', formats)
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    formats.getByRole('button', { name: 'BibTeX (.bib)' }).click()
  ])
  expect(file.suggestedFilename()).toBe('dossier-sources.bib')
  const target = path.join(dir, file.suggestedFilename())
  await file.saveAs(target)
  await expect(page.getByText('Exported 1 source to dossier-sources.bib.')).toBeVisible()
  // Only the cited report: the sample article in the library has no note in this briefing.
  expect(readBibtex(fs.readFileSync(target, 'utf8'))).toMatchObject([
    { type: 'report', title: TITLE, author: [{ family: 'Diallo', given: 'Awa' }] }
  ])
}

test('a two-column PDF is cited by page in the house style and in an added style, and its reference goes out as BibTeX', async ({
  dossier
}, testInfo) => {
  const { page, dataDir } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Kochavi')
  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })

  const articleId = await test.step('import the two-column PDF report', () => importReport(page, dataDir))
  await test.step('highlight a passage across a line break of the PDF', () =>
    highlightAcrossLineBreak(page, dataDir, articleId))
  await test.step('write a note on the whole report, tagged like the quote', () =>
    writeArticleNote(page, dataDir, articleId))
  await test.step('export the library as BibTeX and read it back', () => exportLibraryAsBibtex(page, dir))
  await test.step('compose a briefing from the tagged note', () => newBriefingWithTag(page))
  await test.step('cite in the French house style, by page', () => citeInHouseStyle(page, dataDir, dir))
  await test.step('cite in a style added from a .csl file, by page', () => citeInAddedStyle(page, dataDir, dir))
  await test.step('export the briefing’s sources as BibTeX and read them back', () => exportBriefingSources(page, dir))
})

/**
 * A briefing as a deliverable: tags left out unless asked for, the analyst's comment set
 * apart under its quote (« Commentaire : »), and citations written in a CSL style — the
 * French house style, then one added from a `.csl` file this test writes — each citing the
 * PDF source by its page. Every export is read back from the downloaded file, and what the
 * briefing and the added style leave in the data folder is read from disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import {
  bodyLine as body,
  makePdf,
  pageFooter as footer,
  runningHeader
} from '../src/main/services/import/testing/pdfFixtures'
import { readJson } from './support/disk'
import { chooseDocumentLanguage, download, makeNote, storedBriefingLanguage } from './support/briefingSteps'
import { expect, test } from './support/fixtures'
import { shootBothSizes, shotsDir } from './support/shots'

const NBSP = '\u00a0'
const SHOTS = shotsDir('briefings')

async function newBriefingWithTag(page: Page, parentTag: string): Promise<void> {
  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await expect(composer.getByText('This briefing has no notes yet.')).toBeVisible()
  await composer.getByRole('group', { name: 'Tags' }).getByText(parentTag, { exact: true }).click()
  await expect(page.getByRole('group', { name: 'Export' })).toContainText('Export 1 note')
}

function shoot(page: Page, name: string): Promise<void> {
  return shootBothSizes(page, SHOTS, name)
}

test('a briefing exports without tags by default, with the comment set apart under its quote', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  await makeNote(page, 'logiciel espion fabriqué en Israël', 'Thèmes/Surveillance', 'À recouper avec Amnesty.')

  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await expect(composer.getByText('This briefing has no notes yet.')).toBeVisible()
  await expect(page.getByRole('main', { name: 'Briefings' })).toBeVisible()
  await shoot(page, 'composer-empty')
  await composer.getByRole('group', { name: 'Tags' }).getByText('Thèmes', { exact: true }).click()
  await expect(page.getByRole('group', { name: 'Export' })).toContainText('Export 1 note')
  // Created in an English interface, the briefing is written in English.
  expect(storedBriefingLanguage(dossier.dataDir)).toBe('en')
  const showTags = composer.getByRole('checkbox', { name: 'Show tags in export' })
  await expect(showTags).not.toBeChecked()

  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })
  const markdown = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(markdown).toContain('> logiciel espion fabriqué en Israël')
  expect(markdown).toMatch(new RegExp(`^> — \\[1\\] .*\\n\\n\\* \\*\\*Comment:\\*\\* À recouper avec Amnesty\\.$`, 'm'))
  expect(markdown).not.toContain('Surveillance')
  expect(markdown).not.toContain('Tags:')

  const html = fs.readFileSync(await download(page, 'HTML', dir), 'utf8')
  expect(html).toContain('<p class="comment__label">Comment:</p>')
  expect(html).not.toContain('Surveillance')

  const docx = fs.readFileSync(await download(page, 'Word (.docx)', dir))
  const { default: JSZip } = await import('jszip')
  const documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
  expect(documentXml).toContain('w:val="CommentLabel"')
  expect(documentXml).not.toContain('Surveillance')

  await showTags.check()
  await expect(composer.getByRole('status')).toHaveText('Saved')
  await expect
    .poll(
      () =>
        readJson<{ briefings: { showTags: boolean }[] }>(path.join(dossier.dataDir, 'briefings.json')).briefings[0]
          ?.showTags
    )
    .toBe(true)
  const tagged = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(tagged).toContain('*Tags:* Thèmes/Surveillance')
})

const REPORT = [
  [
    runningHeader(),
    { text: 'La coopération régionale au Sahel', x: 50, y: 760, size: 20 },
    body('Les États du Sahel renforcent leur coopé-', 50, 720),
    body('ration militaire depuis 2022.', 50, 706),
    pageFooter(1)
  ],
  [runningHeader(), body('Selon Jean-Pierre Dupont, la situation reste tendue.', 50, 730), pageFooter(2)]
]

function pageFooter(page: number) {
  return footer(page)
}

/** A small but real CSL style: the title in capitals, then the place cited. */
const TEST_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Style de test e2e</title><id>https://example.org/e2e</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="(" suffix=")">
      <group delimiter=" — ">
        <text variable="title" text-case="uppercase"/>
        <group delimiter="&#160;"><label variable="locator" form="short"/><text variable="locator"/></group>
      </group>
    </layout>
  </citation>
  <bibliography><layout><text variable="title" text-case="uppercase"/></layout></bibliography>
</style>
`

test('a briefing cites a PDF by page in the French house style and in a style added from a .csl file', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Kochavi')
  const bytes = await makePdf(REPORT, { title: 'La coopération régionale au Sahel', language: 'fr-FR' })
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (
    await chooser
  ).setFiles([{ name: 'rapport-sahel.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }])
  await expect(page.getByRole('heading', { level: 1, name: 'La coopération régionale au Sahel' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeHidden()
  await makeNote(page, 'Selon Jean-Pierre Dupont', 'Sahel', 'Source unique.')

  await newBriefingWithTag(page, 'Sahel')
  const composer = page.getByRole('region', { name: 'Composer' })
  await chooseDocumentLanguage(page, dossier.dataDir, 'Français', 'fr')
  const style = composer.getByRole('combobox', { name: 'Citation style' })
  await style.selectOption({ label: 'Dossier — ISO 690 (style maison)' })
  await expect(composer.getByRole('status')).toHaveText('Saved')
  const preview = page.getByTestId('briefing-preview')
  await expect(preview.locator('figcaption')).toContainText(`p.${NBSP}2.`)
  await shoot(page, 'composer-house-style')

  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })
  const house = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  // ISO 690: the report's title in italics, its date (the PDF's), then the page.
  expect(house).toMatch(
    new RegExp(`^> — \\[1\\] \\*La coopération régionale au Sahel\\*, \\d+ \\p{L}+ \\d{4}, p\\.${NBSP}2\\.$`, 'mu')
  )

  // A broken file is refused with its name and the reason, and nothing is kept.
  const addStyle = async (name: string, content: string) => {
    const picker = page.waitForEvent('filechooser')
    await composer.getByRole('button', { name: 'Add a style…' }).click()
    await (await picker).setFiles([{ name, mimeType: 'application/xml', buffer: Buffer.from(content) }])
  }
  await addStyle('casse.csl', '<style xmlns="http://purl.org/net/xbiblio/csl"><citation></style>')
  await expect(composer.getByRole('alert')).toHaveText(
    // The file name and the parser's words are isolated (U+2068…U+2069), so neither can reorder the sentence.
    '“\u2068casse.csl\u2069” was not added: \u2068it is not well-formed XML (<citation> on line 1 is closed by </style> on line 1).\u2069'
  )
  expect(fs.existsSync(path.join(dossier.dataDir, 'citation-styles.json'))).toBe(false)
  await shoot(page, 'composer-style-refused')

  await addStyle('test-e2e.csl', TEST_STYLE)
  await expect(composer.getByRole('alert')).toBeHidden()
  await expect(style.locator('option:checked')).toHaveText('Style de test e2e (added)')
  await expect(composer.getByRole('status')).toHaveText('Saved')
  await expect(preview.locator('figcaption')).toContainText(`(LA COOPÉRATION RÉGIONALE AU SAHEL — p.${NBSP}2)`)
  const kept = readJson<{ styles: { title: string; fileName: string; xml: string }[] }>(
    path.join(dossier.dataDir, 'citation-styles.json')
  )
  expect(kept.styles.map(({ title, fileName }) => ({ title, fileName }))).toEqual([
    { title: 'Style de test e2e', fileName: 'test-e2e.csl' }
  ])
  expect(kept.styles[0]!.xml).toBe(TEST_STYLE)

  const added = fs.readFileSync(await download(page, 'Markdown', dir), 'utf8')
  expect(added).toContain(`> — [1] (LA COOPÉRATION RÉGIONALE AU SAHEL — p.${NBSP}2)`)
  expect(added).toContain(`1. LA COOPÉRATION RÉGIONALE AU SAHEL (p.${NBSP}2)`)
  const html = fs.readFileSync(await download(page, 'HTML', dir), 'utf8')
  expect(html).toContain(`(LA COOPÉRATION RÉGIONALE AU SAHEL — p.${NBSP}2)`)
})

/**
 * From tagged notes to a briefing someone can send: compose one grouped by tag with key
 * points, drag a note into another place, leave one out, and export it in every format
 * through the UI. Each downloaded file is opened and checked, and the PDF is printed
 * from the exported HTML with Chromium's print engine (page.pdf), read back with poppler.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { download, makeNote } from './support/briefingSteps'
import { expect, test } from './support/fixtures'
import { readJson } from './support/disk'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter(
    (url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:|blob:)/.test(url)
  )
  expect(outside).toEqual([])
})

const NOTES: { quote: string; tag: string; text: string }[] = [
  { quote: 'logiciel espion fabriqué en Israël', tag: 'Thèmes/Surveillance', text: 'À *recouper* avec Amnesty.' },
  {
    quote: 'système de défense aérienne et antimissile Barak',
    tag: 'Thèmes/Armement',
    text: '500 millions de dollars.'
  },
  { quote: 'Rabat a également tenté de négocier', tag: 'Acteurs/Maroc', text: '' },
  { quote: "« Tout n'est pas une question de sécurité »", tag: 'Acteurs/Israël', text: 'Merav Michaeli.' }
]

test('compose a briefing grouped by tag, reorder by drag, leave a note out, export every format', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  for (const note of NOTES) await makeNote(page, note.quote, note.tag, note.text)

  await page.getByRole('button', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const composer = page.getByRole('region', { name: 'Composer' })
  await composer.getByRole('textbox', { name: 'Briefing title' }).fill('Maroc–Israël : coopération / sécurité')
  await composer.getByRole('textbox', { name: 'Author' }).fill('Cellule Afrique du Nord')
  await composer
    .getByRole('textbox', { name: 'Key points (one per line)' })
    .fill('La coopération militaire s’accélère.\nRabat négocie pour les Palestiniens.')
  await composer.getByRole('textbox', { name: 'Classification or handling line' }).fill('Diffusion restreinte')
  // A parent tag includes its children: ticking « Thèmes » and « Acteurs » takes all four notes.
  const tagChoices = composer.getByRole('group', { name: 'Tags' })
  await tagChoices.getByText('Thèmes', { exact: true }).click()
  await tagChoices.getByText('Acteurs', { exact: true }).click()
  await expect(tagChoices.getByRole('checkbox', { name: 'Thèmes' })).toBeChecked()

  // Grouped by top-level tag: « Thèmes » and « Acteurs » sections, quotes in document order.
  const preview = page.getByTestId('briefing-preview')
  await expect(preview.locator('blockquote')).toHaveCount(4)
  const sections = composer.getByRole('group', { name: /^Section / })
  await expect(sections).toHaveCount(2)
  await composer.getByRole('textbox', { name: 'Introduction of section Acteurs' }).fill('Qui dit quoi.')
  await composer.getByRole('textbox', { name: 'Introduction of section Acteurs' }).blur()
  await expect(preview).toContainText('Qui dit quoi.')

  // Leave one note out.
  await composer.getByRole('checkbox', { name: 'Include “Rabat a également tenté de négocier”' }).uncheck()
  await expect(preview.locator('blockquote')).toHaveCount(3)
  await expect(composer.getByRole('group', { name: 'Left out' })).toContainText('Rabat a également tenté')

  // Drag the second « Thèmes » note above the first.
  const themes = composer.getByRole('list', { name: 'Notes in Thèmes' }).getByRole('listitem')
  await expect(themes).toHaveCount(2)
  await expect(themes.nth(0)).toContainText('système de défense')
  await themes.nth(1).dragTo(themes.nth(0))
  await expect(themes.nth(0)).toContainText('logiciel espion')
  await expect(composer.getByRole('combobox', { name: 'Order' })).toHaveValue('manual')
  await expect(composer.getByRole('status')).toHaveText('Saved')
  await expect
    .poll(async () => {
      const quotes = await preview.locator('blockquote').allTextContents()
      return quotes.findIndex((q) => q.includes('logiciel espion')) < quotes.findIndex((q) => q.includes('système de'))
    })
    .toBe(true)
  await page.screenshot({ path: testInfo.outputPath('composer.png') })

  // On disk: the briefing with its choices.
  const stored = readJson<{ briefings: Record<string, unknown>[] | Record<string, Record<string, unknown>> }>(
    path.join(dossier.dataDir, 'briefings.json')
  )
  const records = Array.isArray(stored.briefings) ? stored.briefings : Object.values(stored.briefings)
  expect(records).toHaveLength(1)
  expect(records[0]).toMatchObject({
    frontMatter: { title: 'Maroc–Israël : coopération / sécurité', author: 'Cellule Afrique du Nord' },
    order: 'manual',
    grouping: 'tag-top'
  })
  expect((records[0]!.excludedNoteIds as string[]).length).toBe(1)

  // Every format, through the UI.
  const dir = testInfo.outputPath('exports')
  fs.mkdirSync(dir, { recursive: true })
  const markdown = await download(page, 'Markdown', dir)
  expect(path.basename(markdown)).toMatch(/^Maroc–Israël - coopération - sécurité - \d{4}-\d{2}-\d{2}\.md$/)
  const md = fs.readFileSync(markdown, 'utf8')
  expect(md).toContain('# Maroc–Israël : coopération / sécurité')
  expect(md.match(/^> /gm)?.length).toBeGreaterThanOrEqual(3)
  expect(md).toContain('Qui dit quoi.')
  expect(md).not.toContain('Rabat a également tenté')
  expect(md.indexOf('logiciel espion')).toBeLessThan(md.indexOf('système de défense'))

  const html = fs.readFileSync(await download(page, 'HTML', dir), 'utf8')
  expect(html).not.toMatch(/<script/i)
  expect(html).toContain('Diffusion restreinte')

  const docx = await JSZip.loadAsync(fs.readFileSync(await download(page, 'Word (.docx)', dir)))
  const documentXml = await docx.file('word/document.xml')!.async('string')
  expect(documentXml).toContain('logiciel espion fabriqué en Israël')
  expect(documentXml).toMatch(/w:pStyle w:val="Heading1"/)

  const jsonld = JSON.parse(fs.readFileSync(await download(page, 'JSON-LD annotations', dir), 'utf8'))
  const annotations = jsonld.first?.items ?? jsonld.items ?? jsonld
  expect(annotations).toHaveLength(3)
  expect(annotations[0].target.selector.map((selector: { type: string }) => selector.type)).toEqual([
    'TextQuoteSelector',
    'TextPositionSelector'
  ])

  // PDF: the exported HTML through Chromium's print engine, then read back.
  const printer = await page.context().newPage()
  await printer.setContent(html)
  const pdfFile = path.join(dir, 'briefing.pdf')
  await printer.pdf({ path: pdfFile, preferCSSPageSize: true })
  await printer.close()
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  expect(text).toContain('logiciel espion fabriqué en Israël')
  expect(text).toMatch(/1\s*\/\s*\d/)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(dir, 'pdf-page')])

  // In browser mode, PDF goes through the browser's print dialog with the same document.
  await page.evaluate(() => {
    const record = window as unknown as { printed: string | null }
    record.printed = null
    window.print = () => (record.printed = document.querySelector('.print-root')?.textContent ?? '')
  })
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'PDF' }).click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: string | null }).printed))
    .toContain('logiciel espion fabriqué en Israël')

  // Duplicate, then delete the copy and take the deletion back from the toast.
  const list = page.getByRole('navigation', { name: 'Briefings' }).getByRole('listitem')
  await composer.getByRole('button', { name: 'Duplicate' }).click()
  await expect(list).toHaveCount(2)
  await expect(composer.getByRole('textbox', { name: 'Briefing title' })).toHaveValue(
    'Maroc–Israël : coopération / sécurité (copy)'
  )
  await composer.getByRole('button', { name: 'Delete' }).click()
  await expect(list).toHaveCount(1)
  const briefingsOnDisk = () => {
    const file = readJson<{ briefings: unknown[] | Record<string, unknown> }>(
      path.join(dossier.dataDir, 'briefings.json')
    )
    return Array.isArray(file.briefings) ? file.briefings.length : Object.keys(file.briefings).length
  }
  await expect.poll(briefingsOnDisk).toBe(1)
  await page.getByRole('status').filter({ hasText: 'deleted' }).getByRole('button', { name: 'Undo' }).click()
  await expect(list).toHaveCount(2)
  await expect.poll(briefingsOnDisk).toBe(2)
})

/**
 * A PDF report, as an analyst brings one in: picked with Import files…, read column by
 * column with its line-end hyphens undone, then highlighted across what was a line break
 * in the PDF. The note and the page of its paragraph are checked on disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  bodyLine as body,
  makePdf,
  pageFooter as footer,
  runningHeader
} from '../src/main/services/import/testing/pdfFixtures'
import { storedLibrary, storedNotes } from './support/disk'
import { expect, test } from './support/fixtures'
import { selectTextWithMouse } from './support/selection'

const header = runningHeader()

const REPORT = [
  [
    header,
    { text: 'La coopération régionale au Sahel', x: 50, y: 760, size: 20 },
    body('Les États du Sahel renforcent leur coopé-', 50, 720),
    body('ration militaire depuis 2022. Le porte-', 50, 706),
    body('parole du gouvernement l’a confirmé hier', 50, 692),
    body('devant la presse.', 50, 678),
    body('Les bailleurs ont promis des fonds', 315, 720),
    body('nouveaux pour les routes du nord.', 315, 706),
    body('Un troisième paragraphe conclut la page.', 315, 678),
    footer(1)
  ],
  [
    header,
    body('Le ministre a-t-il parlé ? Selon Jean-', 50, 730),
    body('Pierre Dupont, la situation reste tendue dans la ré-', 50, 716),
    body('gion. Nul ne le sait.', 50, 702),
    footer(2)
  ]
]

interface StoredBlock {
  text: string
  page?: number
}

test('a two-column PDF is imported, read in order, highlighted across a line break and cited by page', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  const articleText = page.getByRole('textbox', { name: 'Article text' })
  await expect(articleText).toContainText('Kochavi')

  const bytes = await makePdf(REPORT, { title: 'Microsoft Word - rapport.docx', language: 'fr-FR' })
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (
    await chooser
  ).setFiles([{ name: 'rapport-sahel.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }])
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeVisible()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La coopération régionale au Sahel')
  await expect(articleText).toContainText('leur coopération militaire depuis 2022. Le porte-parole du gouvernement')
  await expect(articleText).toContainText('Jean-Pierre Dupont, la situation reste tendue dans la région.')
  await expect(articleText).not.toContainText('IFRI')
  await expect(articleText).not.toContainText('Page 2')

  // The message goes away by itself; the text must stop moving before the mouse drags over it.
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeHidden()
  // « Jean-Pierre Dupont » was split over two lines of page 2 in the PDF.
  await selectTextWithMouse(page, 'Selon Jean-Pierre Dupont')
  await page.keyboard.press('h')
  await expect(page.locator('mark')).toHaveText('Selon Jean-Pierre Dupont')
  await page.screenshot({ path: testInfo.outputPath('pdf-highlighted.png') })

  const article = storedLibrary(dossier.dataDir).articles.find((entry) => entry.title.includes('Sahel'))!
  await expect
    .poll(() => storedNotes(dossier.dataDir, article.id).map((note) => note.anchor.quote.exact))
    .toEqual(['Selon Jean-Pierre Dupont'])
  const [note] = storedNotes(dossier.dataDir, article.id)
  const { blocks } = JSON.parse(
    fs.readFileSync(path.join(dossier.dataDir, 'articles', `${article.id}.json`), 'utf8')
  ) as { blocks: StoredBlock[] }
  expect(blocks.map((block) => block.page)).toEqual([1, 1, 1, 1, 2])
  // The note falls in the fifth block, the one page 2 starts.
  let offset = 0
  const holding = blocks.findIndex((block) => {
    const end = offset + block.text.length
    const holds = note!.anchor.position.start >= offset && note!.anchor.position.start < end
    offset = end + 2
    return holds
  })
  expect(holding).toBe(4)
})

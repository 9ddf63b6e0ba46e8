/**
 * The bibliography out and in, through the interface: the analyst corrects the sample
 * article's details (type, author, outlet, dates, pages), exports the library as BibTeX,
 * and the file, read back with citation-js as a reference manager would, has those fields;
 * then the details are filled from a RIS file holding two references, of which the analyst
 * picks one. A file that is not a reference file gets one message. Checked on screen and on disk.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'
import { readJson } from './support/disk'

// This feature is checked as a French analyst sees it: the system locale picks the interface.
test.use({ locale: 'fr-FR' })

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

/** citation-js, as the unit tests and Zotero's own import read BibTeX; it ships no types. */
const load = createRequire(__filename)
const { Cite } = load('@citation-js/core') as { Cite: new (data: string) => { data: Record<string, unknown>[] } }
load('@citation-js/plugin-bibtex')

interface StoredArticle {
  id: string
  title: string
  author: string | null
  outlet: string | null
  publishedAt: string | null
  itemType?: string
  accessedAt?: string | null
  pages?: string | null
  place?: string | null
}

const SHOTS = shotsDir('bibliography')

function libraryArticles(dataDir: string): StoredArticle[] {
  return readJson<{ articles: StoredArticle[] }>(path.join(dataDir, 'library.json')).articles
}

/** Both sizes the issue names; `top`, when given, is scrolled to the top of the view after each resize. */
async function shoot(page: Page, testInfo: TestInfo, name: string, top?: Locator): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await top?.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const file = `${name}-${width}x${height}.png`
    await page.screenshot({ path: testInfo.outputPath(file) })
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.copyFileSync(testInfo.outputPath(file), path.join(SHOTS, file))
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

const RIS = [
  'TY  - NEWS',
  'TI  - Un autre article',
  'AU  - Dupont, Jean',
  'T2  - Libération',
  'DA  - 2021/03/02/',
  'ER  - ',
  'TY  - RPRT',
  'TI  - Sahel : la sécurité en question',
  'AU  - Lopes, Ana',
  'AU  - Diallo, Awa',
  'PB  - Ifri',
  'CY  - Paris',
  'DA  - 2021/11//',
  'SP  - 4',
  'EP  - 9',
  'ER  - ',
  ''
].join('\r\n')

test('article details go out as BibTeX with the same fields, and come in from a RIS file', async ({
  dossier
}, testInfo) => {
  test.skip(dossier.mode === 'electron', 'exports go through the native save dialog in Electron')
  const { page, dataDir } = dossier
  await expect(page.getByRole('textbox', { name: 'Texte de l’article' })).toContainText('Pegasus')
  const articleId = libraryArticles(dataDir)[0]!.id

  // The analyst corrects the details; a date typed as ISO is read whatever the locale.
  await page.getByRole('button', { name: 'Infos de l’article' }).click()
  const info = page.getByRole('form', { name: 'Infos de l’article' })
  await info.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Article de presse' })
  await expect(info.getByRole('textbox', { name: 'Journal', exact: true })).toBeVisible()
  await info.getByRole('textbox', { name: 'Auteur', exact: true }).fill('Nadia Benali et Charles de Gaulle')
  await info.getByRole('textbox', { name: 'Journal', exact: true }).fill('Le Monde')
  await info.getByRole('textbox', { name: 'Publié le', exact: true }).fill('2022-07-19')
  await info.getByRole('textbox', { name: 'Consulté le', exact: true }).fill('not a date')
  await info.getByRole('textbox', { name: 'Pages', exact: true }).fill('12-18')
  await info.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(info.getByRole('alert')).toContainText('Écrivez une date sous la forme jj/mm/aaaa')
  await expect(info.getByRole('textbox', { name: 'Consulté le', exact: true })).toHaveAttribute('aria-invalid', 'true')
  await info.getByRole('textbox', { name: 'Consulté le', exact: true }).fill('2024-05-06')
  await info.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(info).toBeHidden()
  await expect
    .poll(() => libraryArticles(dataDir)[0])
    .toMatchObject({
      id: articleId,
      itemType: 'article-newspaper',
      author: 'Nadia Benali et Charles de Gaulle',
      outlet: 'Le Monde',
      publishedAt: '2022-07-19',
      accessedAt: '2024-05-06',
      pages: '12-18'
    })
  const title = libraryArticles(dataDir)[0]!.title

  // Dates come back in the interface's order (French here), not as ISO.
  await page.getByRole('button', { name: 'Infos de l’article' }).click()
  await expect(info.getByRole('textbox', { name: 'Publié le', exact: true })).toHaveValue('19/07/2022')
  await shoot(page, testInfo, 'article-info', info)
  await info.getByRole('button', { name: 'Annuler' }).click()

  // The library exports its bibliography as BibTeX; citation-js reads the same fields back.
  const library = page.getByRole('navigation', { name: 'Bibliothèque' })
  await library.getByRole('button', { name: 'Exporter la bibliographie' }).click()
  const formats = library.getByRole('group', { name: 'Exporter la bibliothèque en' })
  await expect(formats.getByRole('button')).toHaveText(['BibTeX (.bib)', 'RIS (.ris)', 'CSL-JSON (.json)'])
  await shoot(page, testInfo, 'library-export-menu')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    formats.getByRole('button', { name: 'BibTeX (.bib)' }).click()
  ])
  expect(download.suggestedFilename()).toBe('dossier-library.bib')
  const target = testInfo.outputPath('dossier-library.bib')
  await download.saveAs(target)
  await expect(page.getByText('1 référence exportée dans dossier-library.bib.')).toBeVisible()
  const [entry] = new Cite(fs.readFileSync(target, 'utf8')).data
  expect(entry).toMatchObject({
    type: 'article-journal',
    title,
    author: [
      { family: 'Benali', given: 'Nadia' },
      { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' }
    ],
    'container-title': 'Le Monde',
    issued: { 'date-parts': [[2022, 7, 19]] },
    page: '12-18'
  })

  // A file that holds no reference says so once, and changes nothing.
  await page.getByRole('button', { name: 'Infos de l’article' }).click()
  const pick = async (name: string, text: string): Promise<void> => {
    const chooser = page.waitForEvent('filechooser')
    await info.getByRole('button', { name: 'Remplir depuis un fichier de références…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  }
  await pick('notes.txt', 'Ceci n’est pas une référence.')
  await expect(info.getByRole('alert')).toHaveText(
    '«\u00a0notes.txt\u00a0» ne contient aucune référence lisible par Dossier\u202f: ce doit être un fichier CSL-JSON, BibTeX ou RIS.'
  )
  await expect(info.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue(title)

  // A RIS file with two references: the analyst picks the report, and the form is filled with it.
  await pick('references.ris', RIS)
  const picker = page.getByRole('dialog', { name: 'À quelle référence correspond cet article\u202f?' })
  await expect(picker.getByRole('button')).toHaveText([
    /Un autre article.*Jean Dupont · 2021 · Libération/,
    /Sahel : la sécurité en question.*Ana Lopes, Awa Diallo · 2021 · Ifri/,
    'Annuler'
  ])
  await shoot(page, testInfo, 'reference-picker')
  await picker.getByRole('button', { name: /Sahel/ }).click()
  await expect(picker).toBeHidden()
  await expect(info.getByRole('status')).toHaveText(
    'Détails remplis depuis «\u00a0references.ris\u00a0»\u202f: vérifiez-les, puis enregistrez.'
  )
  await expect(info.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue('Sahel : la sécurité en question')
  await expect(info.getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('report')
  await expect(info.getByRole('textbox', { name: 'Publié par', exact: true })).toHaveValue('Ifri')
  await expect(info.getByRole('textbox', { name: 'Lieu', exact: true })).toHaveValue('Paris')
  await expect(info.getByRole('textbox', { name: 'Publié le', exact: true })).toHaveValue('11/2021')
  await info.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(info).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText('Sahel : la sécurité en question')
  await expect
    .poll(() => libraryArticles(dataDir)[0])
    .toMatchObject({
      id: articleId,
      title: 'Sahel : la sécurité en question',
      itemType: 'report',
      author: 'Ana Lopes, Awa Diallo',
      outlet: 'Ifri',
      place: 'Paris',
      publishedAt: '2021-11',
      pages: '4-9',
      accessedAt: '2024-05-06'
    })
})

/**
 * Bringing articles in and finding them again, as an analyst does it: the file picker,
 * drag and drop, paste; files in old encodings, Markdown, saved web pages, Word; hostile
 * pages and broken files; the library's filter, sort, article info and trash.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { storedLibrary, storedNotes } from './support/disk'
import {
  badFiles,
  hostilePageFile,
  markdownFile,
  newsPageFile,
  windows1252File,
  wordFile,
  type TestFile
} from './support/files'
import { selectTextWithMouse } from './support/selection'

test.afterEach(async ({ dossier }) => {
  const outside = dossier.requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|devtools:)/.test(url))
  expect(outside).toEqual([])
})

async function pickFiles(page: Page, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import files…' }).click()
  await (await chooser).setFiles(files)
}

/** Drops files on the reading pane the way the browser delivers a drop from the desktop. */
async function dropFiles(page: Page, files: TestFile[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.mimeType, data: file.buffer.toString('base64') }))
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer()
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (char) => char.charCodeAt(0))
      transfer.items.add(new File([bytes], item.name, { type: item.type }))
    }
    return transfer
  }, payload)
  const target = page.locator('main.reader')
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await expect(page.getByText('Drop files to import them')).toBeVisible()
  await target.dispatchEvent('drop', { dataTransfer })
}

function libraryItems(page: Page) {
  return page.getByRole('list', { name: 'Articles' }).getByRole('button')
}

const articleText = (page: Page) => page.getByRole('textbox', { name: 'Article text' })

test('imports a Windows-1252 text, Markdown, a web page and a Word file picked together', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(articleText(page)).toContainText('Kochavi')
  await pickFiles(page, [windows1252File(), markdownFile(), newsPageFile(), await wordFile()])

  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 of 4 files.' })).toBeVisible()
  await expect(libraryItems(page)).toHaveCount(5)

  await libraryItems(page).filter({ hasText: 'Le cœur de l’armée' }).click()
  await expect(articleText(page)).toContainText('Le cœur de l’armée coûte 5 €.')
  await expect(articleText(page).locator('p')).toHaveCount(2)

  await libraryItems(page).filter({ hasText: 'Rapport sur la coopération' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport sur la coopération')
  await expect(articleText(page).getByRole('heading', { name: 'Points clés' })).toBeVisible()
  await expect(articleText(page).locator('em')).toHaveText('emphase')
  await expect(articleText(page).locator('strong, b, .text-bold').first()).toHaveText('gras')
  await expect(articleText(page).getByRole('link', { name: 'lien' })).toHaveAttribute(
    'href',
    'https://example.org/source'
  )
  await expect(articleText(page).locator('ul ul li')).toHaveText('Détail imbriqué')
  await expect(articleText(page).locator('blockquote')).toContainText('« Une citation importante », a-t-il dit.')
  await page.screenshot({ path: testInfo.outputPath('markdown-article.png') })

  await libraryItems(page).filter({ hasText: 'Rabat et Tel-Aviv' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rabat et Tel-Aviv renforcent leurs liens')
  await expect(page.locator('.reader__meta')).toContainText('Le Quotidien · Sophie Martin · July 19, 2022 · French')
  await expect(articleText(page)).toContainText('pour «\u00a0promouvoir la coopération militaire\u00a0» entre')
  await expect(articleText(page)).not.toContainText('Accueil')
  await expect(articleText(page)).not.toContainText('Mentions légales')

  await libraryItems(page).filter({ hasText: 'Note de synthèse' }).click()
  await expect(articleText(page).locator('.text-bold')).toHaveText('renforcé')
  await expect(articleText(page).locator('.text-italic')).toHaveText('coopération')
  await expect(articleText(page).locator('li')).toHaveText(['Formation conjointe', 'Transfert de savoir-faire'])
  await page.screenshot({ path: testInfo.outputPath('library.png') })

  const library = storedLibrary(dossier.dataDir)
  expect(library.articles).toHaveLength(5)
  const news = library.articles.find(
    (article) => article.title === 'Rabat et Tel-Aviv renforcent leurs liens'
  ) as unknown as Record<string, unknown>
  expect(news).toMatchObject({
    outlet: 'Le Quotidien',
    author: 'Sophie Martin',
    sourceUrl: 'https://lequotidien.example/monde/rabat-tel-aviv',
    language: 'fr',
    sourceFile: 'rabat-tel-aviv.html'
  })
  expect(String(news.publishedAt)).toMatch(/^2022-07-19/)
  expect(fs.readdirSync(path.join(dossier.dataDir, 'articles'))).toHaveLength(5)
})

test('a hostile web page dropped on the window imports its text while nothing runs or loads', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(articleText(page)).toContainText('Kochavi')
  await dropFiles(page, [hostilePageFile()])
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article.' })).toBeVisible()
  await expect(articleText(page)).toContainText('Ce texte légitime doit être importé')
  await expect(articleText(page)).toContainText('Deuxième paragraphe légitime')
  expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: string }).__dossierPwned)).toBeUndefined()
  await expect(
    page.locator('.article-text :is(script, iframe, img, svg, form, input, style, object, embed)')
  ).toHaveCount(0)
  await expect(page.locator('.article-text a[href^="javascript:" i]')).toHaveCount(0)
  await expect(articleText(page).getByRole('link', { name: 'lien sûr' })).toHaveAttribute(
    'href',
    'https://example.org/'
  )
  await page.screenshot({ path: testInfo.outputPath('hostile-imported.png') })
  const stored = fs.readFileSync(
    path.join(dossier.dataDir, 'articles', `${storedLibrary(dossier.dataDir).articles[1]!.id}.json`),
    'utf8'
  )
  expect(stored).not.toContain('evil.example')
  expect(stored).not.toContain('__dossierPwned')
})

test('an article pasted from a browser is imported with its formatting', async ({ dossier }) => {
  const { page } = dossier
  await expect(articleText(page)).toContainText('Kochavi')
  await page.getByRole('button', { name: 'Paste…' }).click()
  const target = page.getByRole('textbox', { name: 'Paste here' })
  await expect(target).toBeFocused()
  // What a browser puts on the clipboard when an article is copied: HTML plus plain text.
  await page.evaluate(async () => {
    const html =
      '<h1>Accord d’entente à Genève</h1><p>Le Maroc et Israël ont signé un <b>mémorandum</b> sur la propriété intellectuelle.</p><p>Le texte prévoit des échanges d’experts et des formations communes.</p><img src="https://evil.example/x.png" onerror="window.__dossierPwned=1">'
    const text =
      'Accord d’entente à Genève\n\nLe Maroc et Israël ont signé un mémorandum sur la propriété intellectuelle.'
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' })
      })
    ])
  })
  await page.keyboard.press('Control+V')
  await expect(page.getByRole('dialog', { name: 'Paste an article' })).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accord d’entente à Genève')
  await expect(articleText(page).locator('.text-bold')).toHaveText('mémorandum')
  await expect(libraryItems(page)).toHaveCount(2)
  expect(storedLibrary(dossier.dataDir).articles.map((article) => article.title)).toContain('Accord d’entente à Genève')
})

test('bad files each get one clear message naming them, and leave the library unchanged', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(articleText(page)).toContainText('Kochavi')
  const before = storedLibrary(dossier.dataDir)
  await pickFiles(page, [...badFiles.map((bad) => bad.file), markdownFile()])

  const summary = page.getByRole('alert').filter({ hasText: `Imported 1 of ${badFiles.length + 1} files.` })
  await expect(summary).toBeVisible()
  for (const { file, reason } of badFiles) {
    // The name is set apart for bidi (invisible U+2068 … U+2069 around it), then the reason.
    await expect(summary.getByRole('listitem').filter({ hasText: file.name })).toContainText(reason)
  }
  await page.screenshot({ path: testInfo.outputPath('bad-files.png') })

  const after = storedLibrary(dossier.dataDir)
  expect(after.articles.map((article) => article.id).slice(0, 1)).toEqual(before.articles.map((article) => article.id))
  expect(after.articles.map((article) => article.title)).toEqual([
    before.articles[0]!.title,
    'Rapport sur la coopération'
  ])
  expect(fs.readdirSync(path.join(dossier.dataDir, 'articles'))).toHaveLength(2)
})

test('the library filters as you type without accents, sorts, and keeps edited article info', async ({
  dossier
}, testInfo) => {
  let { page } = dossier
  await expect(articleText(page)).toContainText('Kochavi')
  await pickFiles(page, [markdownFile(), newsPageFile()])
  await expect(libraryItems(page)).toHaveCount(3)

  const filter = page.getByRole('searchbox', { name: 'Filter articles' })
  await filter.pressSequentially('cooperation')
  await expect(libraryItems(page)).toHaveText([/Rapport sur la coopération/])
  await filter.fill('etat-major ISRAELIENNE')
  await expect(libraryItems(page)).toHaveText([/Le chef d'état-major/])
  await filter.fill('')

  await page.getByLabel('Sort by').selectOption('title')
  await expect(libraryItems(page).locator('.library__title')).toHaveText([
    /^Le chef d'état-major/,
    'Rabat et Tel-Aviv renforcent leurs liens',
    'Rapport sur la coopération'
  ])

  await libraryItems(page).filter({ hasText: "Le chef d'état-major" }).click()
  await page.getByRole('button', { name: 'Article info' }).click()
  const info = page.getByRole('form', { name: 'Article info' })
  await info.getByLabel('Title').fill('Kochavi au Maroc')
  await info.getByLabel('Outlet').fill('Le Monde Afrique')
  await info.getByLabel('Published').fill('2022-07-18')
  await info.getByLabel('Source address').fill('https://example.org/kochavi-maroc')
  await page.screenshot({ path: testInfo.outputPath('article-info.png') })
  await info.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kochavi au Maroc')
  await expect(page.locator('.reader__meta')).toContainText('Le Monde Afrique · July 18, 2022 · French')

  await dossier.restart()
  page = dossier.page
  await expect(libraryItems(page).filter({ hasText: 'Kochavi au Maroc' })).toContainText('Le Monde Afrique')
  const stored = storedLibrary(dossier.dataDir).articles.find((article) => article.title === 'Kochavi au Maroc')
  expect(stored).toMatchObject({
    outlet: 'Le Monde Afrique',
    publishedAt: '2022-07-18',
    sourceUrl: 'https://example.org/kochavi-maroc'
  })
})

test('an article moved to the trash comes back with its notes, and emptying the trash deletes it for good', async ({
  dossier
}, testInfo) => {
  const { page } = dossier
  await expect(articleText(page)).toContainText('Pegasus')
  await selectTextWithMouse(page, 'Pegasus')
  await page.keyboard.press('h')
  await expect(page.locator('mark')).toHaveText('Pegasus')
  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id

  await page.getByRole('button', { name: 'Move to trash' }).click()
  const toast = page.getByRole('status').filter({ hasText: 'moved to the trash' })
  await expect(toast).toBeVisible()
  await expect(libraryItems(page)).toHaveCount(0)
  expect(storedLibrary(dossier.dataDir).articles[0]).toHaveProperty('trashedAt')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('mark')).toHaveText('Pegasus')
  await expect(libraryItems(page)).toHaveCount(1)

  await page.getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  const trash = page.getByRole('region', { name: 'Trash' })
  await expect(trash).toContainText('1 note')
  await page.screenshot({ path: testInfo.outputPath('trash.png') })
  await trash.getByRole('button', { name: 'Restore' }).click()
  await expect(page.locator('mark')).toHaveText('Pegasus')
  expect(storedNotes(dossier.dataDir, articleId)).toHaveLength(1)

  await page.getByRole('button', { name: 'Move to trash' }).click()
  page.once('dialog', (dialog) => void dialog.accept())
  await trash.getByRole('button', { name: 'Empty trash…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 article for good.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible()
  expect(storedLibrary(dossier.dataDir).articles).toEqual([])
  expect(fs.existsSync(path.join(dossier.dataDir, 'articles', `${articleId}.json`))).toBe(false)
  expect(fs.existsSync(path.join(dossier.dataDir, 'notes', `${articleId}.json`))).toBe(false)
})

/**
 * Messages the host composes, read by a French analyst (issue 14): an import refused names the
 * file, set apart for bidi (a name holding U+202E cannot scramble the sentence), and says why in
 * French; a damaged library.json restored from its backup is told in French; a full disk at
 * start gives a French banner and refuses a change in French. The host sends codes and
 * parameters; these prove the words on screen are the interface's, and what is on disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { readJson, storedLibrary } from './support/disk'
import { expect, startHost, stopHost, test } from './support/fixtures'
import { callHost, startHostOnFullDisk } from './support/hostApi'
import { shootBothSizes, shotsDir } from './support/shots'

test.use({ locale: 'fr-FR' })
test.skip(({ dossierMode }) => dossierMode === 'electron', 'Electron has no host.js to start on a damaged folder')

const SHOTS = shotsDir('host-messages')
const FSI = '\u2068'
const PDI = '\u2069'
const NNBSP = '\u202f'

/** What the person reads, invisible isolates included: Playwright's text matchers would hide a missing one. */
function textOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => element.textContent ?? '')
}

function shoot(page: Page, name: string): Promise<void> {
  return shootBothSizes(page, SHOTS, name)
}

test('a damaged and an unsupported file: each named, set apart, and refused in French; nothing stored', async ({
  dossier
}) => {
  const { page } = dossier
  await expect(page.getByRole('button', { name: 'Importer des fichiers…' })).toBeVisible()
  const before = storedLibrary(dossier.dataDir)
  // A right-to-left override in the name: shown raw, it would reverse « fdp.pdf » and what follows it.
  const scrambling = 'rapport\u202Efdp.pdf'
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fichiers…' }).click()
  await (
    await chooser
  ).setFiles([
    { name: scrambling, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 tronqué') },
    { name: 'tableau.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: Buffer.from('PK') }
  ])

  const summary = page.getByRole('alert').filter({ hasText: 'Import terminé' })
  await expect(summary).toContainText('0 sur 2 fichiers')
  const failures = summary.getByRole('listitem')
  await expect(failures).toHaveCount(2)
  expect(await textOf(failures.nth(0))).toBe(
    `${FSI}rapportfdp.pdf${PDI}${NNBSP}: le fichier est endommagé ou n’est pas un PDF`
  )
  expect(await textOf(failures.nth(1))).toBe(
    `${FSI}tableau.odt${PDI}${NNBSP}: type de fichier non pris en charge${NNBSP}: ${FSI}.odt${PDI} ` +
      `(Dossier importe ${FSI}.txt${PDI}, ${FSI}.md${PDI}, ${FSI}.html${PDI}, ${FSI}.docx${PDI} et ${FSI}.pdf${PDI})`
  )
  await shoot(page, 'import-refused-fr')

  expect(storedLibrary(dossier.dataDir).articles).toEqual(before.articles)
  const bodies = fs.readdirSync(path.join(dossier.dataDir, 'articles')).filter((name) => name.endsWith('.json'))
  expect(bodies).toHaveLength(before.articles.length)
})

/** A folder as a clean stop leaves it: the sample article, and one tag, so each save made a backup. */
async function seedFolder(dataDir: string): Promise<void> {
  const host = await startHost(dataDir)
  try {
    expect(await callHost(host, 'createTag', { path: 'Lieux' })).toMatchObject({ ok: true })
  } finally {
    await stopHost(host)
  }
}

test('a damaged library.json restored from its backup is told in French, and the damaged copy is kept', async ({
  dossier
}, testInfo) => {
  const dataDir = testInfo.outputPath('damaged-library')
  await seedFolder(dataDir)
  const damaged = fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8').slice(0, 120)
  fs.writeFileSync(path.join(dataDir, 'library.json'), damaged)

  const host = await startHost(dataDir)
  try {
    const { page } = dossier
    await page.goto(host.url)
    const notice = page.getByRole('status').filter({ hasText: 'n’a pas pu être lu' })
    await expect(notice).toBeVisible({ timeout: 30_000 })
    const words = await textOf(notice)
    expect(words).toContain(`${FSI}library.json${PDI} n’a pas pu être lu (il est tronqué ou n’est pas du JSON valide)`)
    expect(words).toContain(`${NNBSP}; Dossier a rétabli la dernière copie intacte, enregistrée à `)
    // Which copy comes back depends on when backups were made; what it holds is said in French all the same.
    expect(words).toMatch(
      /plus tôt\u202f: 1 article, \d+ étiquettes?\. Le fichier endommagé a été conservé dans \u2068/
    )
    expect(words).not.toMatch(/could not|restored|saved at/)
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(1)
    await shoot(page, 'recovery-fr')

    const quarantined = fs.readdirSync(path.join(dataDir, '.quarantine'))
    expect(quarantined).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, '.quarantine', quarantined[0]!), 'utf8')).toBe(damaged)
    expect(readJson<{ articles: unknown[] }>(path.join(dataDir, 'library.json')).articles).toHaveLength(1)
  } finally {
    await stopHost(host)
  }
})

test('a full disk at start: the banner and a refused import speak French', async ({ dossier }, testInfo) => {
  const dataDir = testInfo.outputPath('full-disk')
  await seedFolder(dataDir)
  const host = await startHostOnFullDisk(dataDir)
  try {
    const { page } = dossier
    await page.goto(host.url)
    const banner = page.getByRole('alert', { name: 'Lecture seule' })
    await expect(banner).toBeVisible()
    expect(await textOf(banner)).toBe(
      `Dossier est en lecture seule${NNBSP}: le disque est plein (${FSI}${dataDir}${PDI}). ` +
        'Votre bibliothèque s’affiche, mais les modifications ne peuvent pas être enregistrées.'
    )
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importer des fichiers…' }).click()
    await (await chooser).setFiles([{ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Un texte.') }])
    const refused = page.locator('.message').filter({ hasText: 'note.txt' })
    await expect(refused).toContainText(
      `Dossier est en lecture seule, car le disque est plein${NNBSP}: cette modification n’a pas été enregistrée.`
    )
    await shoot(page, 'read-only-fr')
  } finally {
    await stopHost(host)
  }
  expect(fs.readdirSync(path.join(dataDir, 'articles')).filter((name) => name.endsWith('.json'))).toHaveLength(1)
})

/**
 * Issue 14, tags: merging needs an explicit confirm; a parent tag with no record of its own is
 * renamed, recoloured and merged as a whole branch, undoably; ticking such a parent in a filter
 * creates no tag; typing an exact new path offers Create first; long paths stay inside the tag
 * manager; toasts float over the layout and over dialogs, at most three, with a clickable Undo.
 * Each checked on screen and on disk (library.json and the notes files). The tests run in French
 * (this spec's system locale): this feature's texts are written out as the person reads them; other
 * features' texts come from their French resources.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { shotsDir } from './support/shots'
import { findViolations, describeViolations, isBlocking } from './support/axe'
import { readJson, storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'
import { fr } from '../src/renderer/src/locales'

// This feature is checked as a French analyst sees it: the system locale picks the interface.
test.use({ locale: 'fr-FR' })

const SHOTS = shotsDir('tags')
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
] as const
/** A 120-character path: five levels, the last one long and without a space. */
const LONG_PATH =
  'Acteurs/Défense/Renseignement/Unités spéciales/Direction-générale-du-renseignement-militaire-et-cyberdéfense-Aman-820000'

interface DiskTag {
  id: string
  path: string
  color: string | null
}

function onDisk(dataDir: string) {
  const library = () => readJson<{ tags: DiskTag[] }>(path.join(dataDir, 'library.json'))
  const articleId = storedLibrary(dataDir).articles[0]!.id
  return {
    tagPaths: () =>
      library()
        .tags.map((tag) => tag.path)
        .sort(),
    tags: library,
    /** The tag paths on the note of each quote, as a person would read them. */
    noteTags: () => {
      const paths = new Map(library().tags.map((tag) => [tag.id, tag.path]))
      return Object.fromEntries(
        storedNotes<{ anchor: { quote: { exact: string } }; tagIds: string[] }>(dataDir, articleId).map((note) => [
          note.anchor.quote.exact,
          note.tagIds.map((id) => paths.get(id) ?? 'missing')
        ])
      )
    }
  }
}

/** Highlights the passage with T and types each tag, pressing Enter after each. */
async function tagPassage(page: Page, passage: string, tags: readonly string[]): Promise<void> {
  await selectTextWithMouse(page, passage)
  await page.keyboard.press('t')
  const detail = page.getByRole('region', { name: fr.notes.editor.label })
  await expect(detail.locator('blockquote')).toHaveText(passage)
  const picker = detail.getByRole('combobox', { name: 'Ajouter une étiquette' })
  for (const tag of tags) {
    await picker.fill(tag)
    await picker.press('Enter')
  }
  await expect(detail.locator('.tag-chip__path')).toHaveText([...tags])
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) })
  }
  await page.setViewportSize(SIZES[0])
}

test('the picker offers Create first for an exact new path, and a parent ticked in a filter creates no tag', async ({
  dossier
}) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: fr.reader.pane.articleText })).toContainText('Pegasus')
  const disk = onDisk(dossier.dataDir)
  await tagPassage(page, 'Pegasus', ['Acteurs/États/Israël'])

  // « Acteurs/Israël » is not « Acteurs/États/Israël »: Create comes first, the look-alike below.
  await selectTextWithMouse(page, 'Barak')
  await page.keyboard.press('t')
  const detail = page.getByRole('region', { name: fr.notes.editor.label })
  const picker = detail.getByRole('combobox', { name: 'Ajouter une étiquette' })
  await picker.fill('Acteurs/Israël')
  const options = detail.getByRole('listbox').getByRole('option')
  await expect(options).toHaveText(['Créer l’étiquette «\u00a0Acteurs/Israël\u00a0»', 'Acteurs/États/Israël'])
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await shoot(page, 'picker-create-first')
  await picker.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText(['Acteurs/Israël'])
  await expect.poll(disk.noteTags).toEqual({ Pegasus: ['Acteurs/États/Israël'], Barak: ['Acteurs/Israël'] })
  expect(disk.tagPaths()).toEqual(['Acteurs/États/Israël', 'Acteurs/Israël'].sort())

  // The notes workspace: ticking « Acteurs », a parent with no record, filters by its branch.
  await page.getByRole('button', { name: fr.common.topBar.notes, exact: true }).click()
  const list = page.getByRole('list', { name: fr.workspace.list })
  const tagFilter = page
    .getByRole('complementary', { name: fr.workspace.filters })
    .getByRole('group', { name: 'Étiquettes' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await tagFilter.getByRole('checkbox', { name: 'États' }).check()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Pegasus')
  await tagFilter.getByRole('checkbox', { name: 'États' }).uncheck()
  await tagFilter.getByRole('checkbox', { name: 'Acteurs' }).check()
  await expect(tagFilter.getByRole('checkbox', { name: 'Acteurs' })).toBeChecked()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  expect(disk.tagPaths()).toEqual(['Acteurs/États/Israël', 'Acteurs/Israël'].sort())
})

test('the tag manager merges only on confirm, acts on whole branches, and keeps long paths and toasts in view', async ({
  dossier
}) => {
  const { page } = dossier
  await page.setViewportSize(SIZES[0])
  await expect(page.getByRole('textbox', { name: fr.reader.pane.articleText })).toContainText('Pegasus')
  const disk = onDisk(dossier.dataDir)
  await tagPassage(page, 'Pegasus', ['Acteurs/Israël'])
  await tagPassage(page, 'Rabat a également tenté', ['Acteurs/Maroc'])
  await tagPassage(page, 'NSO Group', ['Pays'])
  await tagPassage(page, 'Barak', [LONG_PATH])
  const original = {
    Pegasus: ['Acteurs/Israël'],
    'Rabat a également tenté': ['Acteurs/Maroc'],
    'NSO Group': ['Pays'],
    Barak: [LONG_PATH]
  }
  await expect.poll(disk.noteTags).toEqual(original)
  const ids = () => disk.tags().tags.map((tag) => tag.id)
  const idsBefore = ids()

  await page.getByRole('button', { name: fr.common.topBar.tags }).click()
  const manager = page.getByRole('dialog', { name: 'Gestion des étiquettes' })
  const acteurs = manager.getByRole('listitem', { name: 'Acteurs', exact: true })
  await expect(acteurs.locator('.tag-tree__count').first()).toHaveText('3 notes')

  // Nothing overflows: every Delete button is inside the dialog, at both sizes.
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const box = (await manager.boundingBox())!
    for (const button of await manager.getByRole('button', { name: /^Supprimer / }).all()) {
      await button.scrollIntoViewIfNeeded()
      const own = (await button.boundingBox())!
      expect(own.x).toBeGreaterThanOrEqual(box.x)
      expect(own.x + own.width).toBeLessThanOrEqual(box.x + box.width)
    }
    expect(await manager.evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth)).toBe(true)
  }
  await page.setViewportSize(SIZES[0])
  await shoot(page, 'tag-manager-long-path')

  // Every control has a name that contains its visible label (WCAG 2.5.3), and nothing blocks anyone.
  const violations = await findViolations(page)
  expect(describeViolations('tag manager', violations.filter(isBlocking))).toEqual([])
  expect(violations.filter((violation) => violation.id === 'label-content-name-mismatch')).toEqual([])

  // Choosing a merge target with the arrow keys merges nothing; only Merge does.
  await acteurs.getByRole('button', { name: 'Fusionner… Acteurs', exact: true }).click()
  const target = manager.getByRole('combobox', { name: 'Fusionner Acteurs dans' })
  await expect(target).toBeFocused()
  await target.press('ArrowDown')
  await target.selectOption({ label: 'Pays' })
  await target.press('ArrowDown')
  await target.selectOption({ label: 'Pays' })
  expect(disk.tagPaths()).toEqual(['Acteurs/Israël', 'Acteurs/Maroc', LONG_PATH, 'Pays'].sort())
  await manager.getByRole('button', { name: 'Fusionner', exact: true }).click()
  await expect(manager.getByRole('listitem', { name: 'Pays/Maroc' })).toBeVisible()
  await expect.poll(disk.noteTags).toEqual({
    Pegasus: ['Pays/Israël'],
    'Rabat a également tenté': ['Pays/Maroc'],
    'NSO Group': ['Pays'],
    Barak: [LONG_PATH.replace('Acteurs', 'Pays')]
  })
  expect(ids()).toEqual(idsBefore)

  // The toast sits over the dialog, and its Undo can be clicked there.
  const toast = page.locator('.message', { hasText: '«\u00a0Acteurs\u00a0» fusionnée dans «\u00a0Pays\u00a0».' })
  await expect(toast).toBeVisible()
  // Focus on its Undo holds the toast (it would fade after 12 s) while the screenshots are taken.
  const undo = toast.getByRole('button', { name: fr.common.undo.button })
  await undo.focus()
  await shoot(page, 'toast-over-dialog')
  await undo.click()
  await expect(acteurs).toBeVisible()
  await expect.poll(disk.noteTags).toEqual(original)

  // A parent with no record is renamed as a branch: every path follows, every note keeps its tag.
  await acteurs.getByRole('button', { name: 'Renommer… Acteurs', exact: true }).click()
  await manager.getByRole('textbox', { name: 'Nouveau nom pour Acteurs' }).fill('Protagonistes/États')
  await manager.getByRole('button', { name: 'Renommer', exact: true }).click()
  await expect(manager.getByRole('listitem', { name: 'Protagonistes/États/Maroc' })).toBeVisible()
  await expect.poll(disk.noteTags).toEqual({
    ...original,
    Pegasus: ['Protagonistes/États/Israël'],
    'Rabat a également tenté': ['Protagonistes/États/Maroc'],
    Barak: [LONG_PATH.replace('Acteurs', 'Protagonistes/États')]
  })
  expect(ids()).toEqual(idsBefore)

  // Recolouring the branch gives every tag under it the colour, in one change.
  await manager.getByLabel('Couleur de toutes les étiquettes sous Protagonistes', { exact: true }).fill('#0f766e')
  await expect
    .poll(() =>
      disk
        .tags()
        .tags.filter((tag) => tag.path.startsWith('Protagonistes/'))
        .map((tag) => tag.color)
    )
    .toEqual(['#0f766e', '#0f766e', '#0f766e'])
  await manager.getByRole('button', { name: 'Fermer', exact: true }).click()

  // Ctrl+Z undoes the colour, then the rename.
  await page.locator('main.reader').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('Control+z')
  await expect
    .poll(() =>
      disk
        .tags()
        .tags.filter((tag) => tag.path.startsWith('Protagonistes/'))
        .map((tag) => tag.color)
    )
    .not.toContain('#0f766e')
  await page.keyboard.press('Control+z')
  await expect.poll(disk.noteTags).toEqual(original)

  // Toasts float: the page does not move when they come, and no more than three show.
  const workspaceTop = () => page.locator('.workspace').evaluate((element) => element.getBoundingClientRect().top)
  const topBefore = await workspaceTop()
  await page.getByRole('button', { name: fr.common.topBar.tags }).click()
  for (const name of [
    'Supprimer Pays',
    'Supprimer Acteurs/Maroc',
    'Supprimer Acteurs/Israël',
    `Supprimer ${LONG_PATH}`
  ]) {
    await manager.getByRole('button', { name, exact: true }).click()
    await expect(manager.getByRole('button', { name, exact: true })).toHaveCount(0)
  }
  await expect(page.locator('.message-bar .message').first()).toBeVisible()
  expect(await page.locator('.message-bar .message').count()).toBeLessThanOrEqual(3)
  await manager.getByRole('button', { name: 'Fermer', exact: true }).click()
  await expect(page.locator('.message-bar .message').first()).toBeVisible()
  expect(await workspaceTop()).toBe(topBefore)
  await expect.poll(disk.tagPaths).toEqual([])
})

/**
 * Every view as an analyst meets it, at the two window sizes the issue
 * names (1440×900 and 1024×700): reading, library, selection popover, notes panel, tag
 * manager, search, notes workspace, composer and settings. Each is saved as a screenshot
 * for review (shotsDir('views-tour')), and checked for what a screenshot shows badly: a
 * page that scrolls sideways, something sticking out of the window, a label wider than its
 * button, and the library's import buttons wrapped over several lines (they were, in French).
 * The tour is made in French, the normal case, and in English, whose labels are not the same length.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { selectTextWithMouse } from './support/selection'
import { shotsDir } from './support/shots'

const SHOTS = shotsDir('views-tour')
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
] as const

/**
 * What looks broken at this size: the page scrolling sideways, a visible element reaching
 * past the window's edges (unless a scrolling or clipping ancestor hides the excess), a
 * button whose label is wider than the button, and a library action wrapped on two lines.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const name = (element: Element) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> « ${(element.textContent ?? '').trim().slice(0, 40)} »`
    const root = document.scrollingElement!
    if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} px)`)
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true
      }
      return false
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if ((box.right > window.innerWidth + 1 || box.left < -1) && !clipped(element)) {
        problems.push(`${name(element)} reaches past the window (${Math.round(box.left)}–${Math.round(box.right)})`)
      }
      if (element instanceof HTMLButtonElement && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`${name(element)}: its label is wider than the button`)
      }
    }
    for (const button of document.querySelectorAll('.library__actions button')) {
      const range = document.createRange()
      range.selectNodeContents(button)
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
      if (lines.size > 1) problems.push(`${name(button)} wraps over ${lines.size} lines`)
    }
    return problems
  })
}

/** Saves the view at both sizes and returns what looked broken, by size; the window goes back to 1440×900. */
async function shoot(page: Page, name: string): Promise<Record<string, string[]>> {
  fs.mkdirSync(SHOTS, { recursive: true })
  const found: Record<string, string[]> = {}
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) })
    const problems = await layoutProblems(page)
    if (problems.length > 0) found[`${name} at ${size.width}×${size.height}`] = problems
  }
  await page.setViewportSize(SIZES[0])
  return found
}

/** What the tour reads on screen, in each interface language; the computer's locale picks it. */
const LANGUAGES = [
  {
    code: 'fr',
    locale: 'fr-FR',
    settings: 'Réglages',
    articleText: 'Texte de l’article',
    library: 'Bibliothèque',
    trash: 'Corbeille (0)',
    exportBibliography: 'Exporter la bibliographie',
    bibliographyFormats: 'Exporter la bibliothèque en',
    notesView: 'Notes',
    briefingsView: 'Synthèses',
    newBriefing: 'Nouvelle synthèse',
    notedFrom: 'Notées du',
    datePattern: 'jj/mm/aaaa'
  },
  {
    code: 'en',
    locale: 'en-US',
    settings: 'Settings',
    articleText: 'Article text',
    library: 'Library',
    trash: 'Trash (0)',
    exportBibliography: 'Export bibliography',
    bibliographyFormats: 'Export the library as',
    notesView: 'Notes',
    briefingsView: 'Briefings',
    newBriefing: 'New briefing',
    notedFrom: 'Noted from',
    datePattern: 'mm/dd/yyyy'
  }
] as const

for (const words of LANGUAGES) {
  test.describe(`on a computer set to ${words.locale}`, () => {
    test.use({ locale: words.locale })

    test(`every view fits the window at 1440×900 and 1024×700 (${words.code})`, async ({ dossier }) => {
      // Nine views, two sizes each: on a loaded 2-core machine the tour nears the default ceiling.
      test.slow()
      const { page } = dossier
      let problems: Record<string, string[]> = {}
      const tour = async (view: string) => (problems = { ...problems, ...(await shoot(page, `${words.code}-${view}`)) })
      await expect(page.locator('.topbar__settings')).toHaveText(words.settings)
      await expect(page.getByRole('textbox', { name: words.articleText })).toContainText('Kochavi')
      await tour('reading')

      // The library with its trash and its bibliography formats open.
      const library = page.getByRole('navigation', { name: words.library })
      await library.getByRole('button', { name: words.trash }).click()
      await library.getByRole('button', { name: words.exportBibliography }).click()
      await expect(library.getByRole('group', { name: words.bibliographyFormats })).toBeVisible()
      await tour('library')
      await page.keyboard.press('Escape')

      await selectTextWithMouse(page, 'lieutenant-général Aviv Kochavi', 1)
      await expect(page.locator('.selection-popover')).toBeVisible()
      await tour('popover')
      await page.keyboard.press('h')
      await expect(page.locator('mark')).toHaveCount(1)
      await selectTextWithMouse(page, 'coopération militaire')
      await page.keyboard.press('t')
      await page.keyboard.type('Acteurs/États/Israël')
      await page.keyboard.press('Enter')
      await expect(page.locator('mark')).toHaveCount(2)
      await expect(page.locator('.notes-panel')).toContainText('Israël')
      await tour('notes-panel')

      await page.locator('.topbar__tags').click()
      await expect(page.locator('dialog[open]')).toContainText('Israël')
      await tour('tag-manager')
      await page.keyboard.press('Escape')
      await expect(page.locator('dialog[open]')).toHaveCount(0)

      await page.keyboard.press('Control+k')
      await page.locator('dialog[open]').getByRole('combobox').fill('Maroc')
      await expect(page.locator('dialog[open] [role="option"]').first()).toBeVisible()
      await tour('search')
      await page.keyboard.press('Escape')
      await expect(page.locator('dialog[open]')).toHaveCount(0)

      await page.getByRole('button', { name: words.notesView, exact: true }).click()
      await expect(page.locator('.notes-workspace__note')).toHaveCount(2)
      await page.locator('.notes-workspace__note input[type="checkbox"]').first().check()
      await expect(page.locator('.notes-workspace__actions')).toBeVisible()
      await tour('workspace')

      await page.getByRole('button', { name: words.briefingsView, exact: true }).click()
      await page.getByRole('button', { name: words.newBriefing }).click()
      await expect(page.locator('.briefings__output')).toBeVisible()
      // Dates are typed the interface language's way in the composer too, not the browser's.
      await expect(page.getByRole('textbox', { name: words.notedFrom })).toHaveAttribute(
        'placeholder',
        words.datePattern
      )
      await tour('composer')

      await page.keyboard.press('Control+,')
      await expect(page.getByRole('dialog', { name: words.settings })).toBeVisible()
      await tour('settings')

      expect(problems, 'what looks broken, by view and size').toEqual({})
    })
  })
}

/**
 * Highlights may overlap and may cross paragraphs; both stay readable and reachable:
 * the overlap is drawn darker, and clicking it again shows the next note under the pointer.
 */
import { expect, test } from './support/fixtures'
import { storedLibrary, storedNotes } from './support/disk'
import { selectTextWithMouse } from './support/selection'
import type { Page } from '@playwright/test'

/** Drags from the start of one passage to the end of another, across whatever lies between. */
async function dragAcross(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const points = await page.evaluate(
    ({ from, to }) => {
      const root = document.querySelector('.article-text')!
      const find = (text: string, atEnd: boolean) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = (node as Text).data.indexOf(text)
          if (index < 0) continue
          const range = document.createRange()
          const at = atEnd ? index + text.length - 1 : index
          range.setStart(node, at)
          range.setEnd(node, at + 1)
          const rect = range.getBoundingClientRect()
          return { x: atEnd ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 }
        }
        throw new Error(`"${text}" is not on screen`)
      }
      root.querySelector('p')?.scrollIntoView({ block: 'start' })
      return { start: find(from, false), end: find(to, true) }
    },
    { from, to }
  )
  await page.mouse.move(points.start.x, points.start.y)
  await page.mouse.down()
  await page.mouse.move(points.end.x, points.end.y, { steps: 10 })
  await page.mouse.up()
}

test('overlapping and cross-paragraph highlights are drawn, stored and reachable', async ({ dossier }, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Pegasus')
  const detail = page.getByRole('region', { name: 'Selected note' })

  // One highlight across the end of the first paragraph and the start of the second.
  await dragAcross(page, 'meilleures conditions pour les Palestiniens.', "« L'un des sujets")
  await page.keyboard.press('t')
  await expect(detail.locator('blockquote')).toContainText("« L'un des sujets")
  await page.keyboard.type('Thèmes/Négociation')
  await page.keyboard.press('Enter')
  await expect(page.locator('mark', { hasText: 'Palestiniens' })).toBeVisible()
  await expect(page.locator('mark', { hasText: "« L'un des sujets" })).toBeVisible()

  // Two overlapping highlights with different tags.
  await selectTextWithMouse(page, 'promouvoir la coopération militaire')
  await page.keyboard.press('t')
  await expect(detail.locator('blockquote')).toHaveText('promouvoir la coopération militaire')
  await page.keyboard.type('Thèmes/Armement')
  await page.keyboard.press('Enter')
  // The second starts inside the first highlight, so it spans several text nodes.
  await dragAcross(page, 'la coopération militaire', 'entre les deux pays')
  await expect
    .poll(() => page.evaluate(() => String(window.getSelection())))
    .toBe('la coopération militaire » entre les deux pays')
  await page.keyboard.press('t')
  await expect(detail.locator('blockquote')).toHaveText('la coopération militaire » entre les deux pays')
  await page.keyboard.type('Acteurs/Maroc')
  await page.keyboard.press('Enter')
  await expect(detail.locator('.tag-chip__path')).toHaveText(['Acteurs/Maroc'])

  const overlap = page.locator('mark.note-mark--overlap', { hasText: 'la coopération militaire' })
  await expect(overlap).toHaveText('la coopération militaire')
  await page.mouse.click(0, 0)
  await page.screenshot({ path: testInfo.outputPath('overlapping-highlights.png') })

  // Clicking the overlap shows one note, clicking again the other.
  await overlap.click()
  const first = await detail.locator('blockquote').textContent()
  await overlap.click()
  const second = await detail.locator('blockquote').textContent()
  expect(new Set([first, second])).toEqual(
    new Set(['promouvoir la coopération militaire', 'la coopération militaire » entre les deux pays'])
  )

  // From the keyboard: Enter on the reading caret inside the overlap shows one note, Enter again the other.
  await page.keyboard.press('Escape')
  const box = await overlap.boundingBox()
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)
  await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true)
  const clicked = (await detail.locator('blockquote').textContent())!
  await page.keyboard.press('Enter')
  await expect(detail.locator('blockquote')).not.toHaveText(clicked)
  const byKey = await detail.locator('blockquote').textContent()
  expect(new Set([clicked, byKey])).toEqual(
    new Set(['promouvoir la coopération militaire', 'la coopération militaire » entre les deux pays'])
  )
  await page.keyboard.press('Enter')
  await expect(detail.locator('blockquote')).toHaveText(clicked)

  const articleId = storedLibrary(dossier.dataDir).articles[0]!.id
  const quotes = storedNotes(dossier.dataDir, articleId).map((note) => note.anchor.quote.exact)
  expect(quotes).toHaveLength(3)
  expect(quotes[0]).toMatch(/^meilleures conditions pour les Palestiniens\.\n\n« L'un des sujets$/)
  await dossier.restart()
  await expect(dossier.page.locator('mark.note-mark--overlap', { hasText: 'la coopération militaire' })).toBeVisible()
  await expect(dossier.page.locator('mark', { hasText: "« L'un des sujets" })).toBeVisible()
})

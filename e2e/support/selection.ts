/**
 * Selects text the way a person does: press the mouse at the first character of the
 * passage, drag to its last, release. Only the coordinates are computed in the page.
 */
import { expect, type Page } from '@playwright/test'

/** Where the passage's first and last characters are on screen now. */
function passagePoints(page: Page, text: string, occurrence: number) {
  return page.evaluate(
    ({ text, occurrence }) => {
      const root = document.querySelector('.article-text')
      if (!root) throw new Error('no article text on screen')
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      let seen = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data
        let index = data.indexOf(text)
        while (index >= 0) {
          if (seen++ === occurrence) {
            // A person scrolls the passage into view before selecting it.
            node.parentElement?.scrollIntoView({ block: 'center' })
            const range = document.createRange()
            range.setStart(node, index)
            range.setEnd(node, index + 1)
            const first = range.getBoundingClientRect()
            range.setStart(node, index + text.length - 1)
            range.setEnd(node, index + text.length)
            const last = range.getBoundingClientRect()
            return {
              from: { x: first.left + 1, y: first.top + first.height / 2 },
              to: { x: last.right - 1, y: last.top + last.height / 2 }
            }
          }
          index = data.indexOf(text, index + 1)
        }
      }
      throw new Error(`"${text}" (occurrence ${occurrence}) is not in one text node of the article`)
    },
    { text, occurrence }
  )
}

export async function selectTextWithMouse(page: Page, text: string, occurrence = 0): Promise<void> {
  // Text moves when the web fonts arrive; a person waits for the page to settle before dragging.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // A person waits for the page to stop moving (late fonts, layout) before pressing the button.
  let points = await passagePoints(page, text, occurrence)
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const again = await passagePoints(page, text, occurrence)
    if (JSON.stringify(again) === JSON.stringify(points)) break
    points = again
  }
  await page.mouse.move(points.from.x, points.from.y)
  await page.mouse.down()
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 })
  await page.mouse.up()
  await expect
    .poll(() => page.evaluate(() => String(window.getSelection())), { message: 'the drag selected the passage' })
    .toBe(text)
}

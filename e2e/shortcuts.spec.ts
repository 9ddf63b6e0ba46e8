/**
 * The keymap's `?` overlay: it lists the shortcuts from the same table the keys are
 * dispatched from, so a key read off the list must do what the list says.
 */
import { expect, test } from './support/fixtures'
import { selectTextWithMouse } from './support/selection'

const PASSAGE = 'lieutenant-général Aviv Kochavi'

test('? lists the shortcuts, and a key read off the list does what it says', async ({ dossier }, testInfo) => {
  const { page } = dossier
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(PASSAGE)

  await page.keyboard.press('?')
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(overlay).toBeVisible()
  const row = (label: string) => overlay.locator('.shortcuts__row', { hasText: label })
  await expect(row('Highlight the selection').locator('kbd')).toHaveText('H')
  await expect(row('Next highlight').locator('kbd')).toHaveText('J')
  await expect(row('Undo the last note or tag change').locator('kbd')).toHaveText(/^(Ctrl|⌘) Z$/)
  await expect(overlay.getByRole('region', { name: 'Reading' })).toBeVisible()

  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: testInfo.outputPath(`shortcuts-${width}x${height}.png`) })
  }
  const highlightKey = (await row('Highlight the selection').locator('kbd').textContent())!.toLowerCase()
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()

  // The key the list gives for "Highlight the selection" highlights the selection.
  await selectTextWithMouse(page, PASSAGE, 0)
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
  await page.keyboard.press(highlightKey)
  await expect(page.locator('mark')).toHaveText(PASSAGE)
  await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('1 note')

  // The ? button in the top bar opens the same list; "/" (listed under Anywhere) opens search.
  await page.getByRole('button', { name: '?' }).click()
  await expect(overlay).toBeVisible()
  await overlay.getByRole('button', { name: 'Close' }).click()
  await expect(overlay).toBeHidden()
  await page.keyboard.press('/')
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible()
})

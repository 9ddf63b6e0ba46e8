/**
 * Accessibility, measured: axe-core runs in every view a person reaches (reading, the highlight
 * popover, the notes panel, the tag manager, the library, search with and without results, the notes
 * workspace, the briefing composer and settings), and any critical or serious violation fails the
 * test. Each view is checked softly, so one run lists every violation of every view, with its rule,
 * impact and element. Locators go by role and structure, not by words, because the interface
 * speaks English or French depending on the system and the settings.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { describeViolations, findViolations, isBlocking } from './support/axe'
import { selectTextWithMouse } from './support/selection'

const QUOTE = 'logiciel espion fabriqué en Israël'
/** Enough short articles on one subject that their search results overflow the dialog. */
const MORE_ARTICLES = [
  'Rabat',
  'Tunis',
  'Alger',
  'Dakar',
  'Nouakchott',
  'Tripoli',
  'Le Caire',
  'Amman',
  'Beyrouth',
  'Bamako',
  'Niamey',
  'Khartoum'
].map((city) => ({
  name: `${city.toLowerCase().replace(' ', '-')}.txt`,
  mimeType: 'text/plain',
  buffer: Buffer.from(
    `Coopération régionale à ${city}.\n\nLes ministres ont parlé de coopération et de sécurité à ${city}.`
  )
}))
const TAG = 'Thèmes/Surveillance'

/** Runs axe in the page as it is now and records, without stopping the test, whether it blocks anyone. */
async function auditView(page: Page, view: string): Promise<void> {
  const violations = await findViolations(page)
  const lines = describeViolations(view, violations)
  console.log(lines.length > 0 ? lines.join('\n') : `[${view}] no violation`)
  const blocking = describeViolations(view, violations.filter(isBlocking))
  expect.soft(blocking, `critical or serious violations in the ${view} view`).toEqual([])
}

/** The top bar's view switcher, by position: Articles, Notes, Briefings. */
function viewButton(page: Page, index: 0 | 1 | 2) {
  return page.locator('.topbar__views button').nth(index)
}

/**
 * The whole sweep runs once in the language the system gives (English here) and once in French chosen
 * in Settings: an accessible name in one language beside visible text in the other is a violation too.
 */
for (const language of ['system', 'fr'] as const) {
  test(`every view passes axe-core without a critical or serious violation (interface: ${language})`, async ({
    dossier
  }) => {
    await auditEveryView(dossier.page, language)
  })
}

async function chooseLanguage(page: Page, language: 'fr'): Promise<void> {
  await page.locator('.topbar__settings').click()
  const settings = page.getByRole('dialog')
  await settings.locator(`input[type="radio"][value="${language}"]`).check()
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
}

async function auditEveryView(page: Page, language: 'system' | 'fr'): Promise<void> {
  const audit = (view: string) => auditView(page, `${view}, ${language}`)
  const article = page.locator('.article-text')
  await expect(article).toContainText('Pegasus')
  if (language !== 'system') await chooseLanguage(page, language)
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await audit('reading')

  // The popover beside a selection.
  await selectTextWithMouse(page, QUOTE)
  await expect(page.locator('.selection-popover')).toBeVisible()
  await audit('highlight popover')

  // A tagged note: the notes panel lists it and shows it selected.
  await page.keyboard.press('t')
  const picker = page.getByRole('combobox').and(page.locator(':focus'))
  await expect(picker).toBeVisible()
  await page.keyboard.type(TAG)
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible()
  await audit('tag picker with suggestions')
  await page.keyboard.press('Enter')
  await expect(page.locator('.notes-panel .tag-chip__path').filter({ hasText: TAG }).first()).toBeVisible()
  await audit('notes panel')

  // A note on the whole article, opened for writing at the top of the panel, then deleted again.
  await page.locator('.article-notes__add').click()
  await expect(page.locator('.article-note textarea')).toBeFocused()
  await audit('note on the whole article')
  await page.locator('.article-note .button--danger').click()
  await expect(page.locator('.article-note')).toHaveCount(0)
  // Its message is dismissed, so the one audited at the end is the only one on screen.
  await page.locator('.message-bar .message__dismiss').click()
  await expect(page.locator('.message-bar .message')).toHaveCount(0)

  // Article info, the paste dialog and the shortcuts overlay.
  const infoButton = page.locator('.reader__tools button').nth(1)
  await infoButton.click()
  await expect(infoButton).toHaveAttribute('aria-expanded', 'true')
  await audit('article info')
  await infoButton.click()
  await expect(infoButton).toHaveAttribute('aria-expanded', 'false')
  await page.locator('.library__actions .button').nth(1).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await audit('paste dialog')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.locator('.topbar__shortcuts').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await audit('keyboard shortcuts')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  // The tag manager.
  await page.locator('.topbar__tags').click()
  const manager = page.getByRole('dialog')
  await expect(manager).toBeVisible()
  await expect(manager).toContainText('Surveillance')
  await audit('tag manager')
  await page.keyboard.press('Escape')
  await expect(manager).toBeHidden()

  // The library, filtered, with its trash open.
  const library = page.locator('nav.library')
  const title = (await library.locator('.library__title').first().textContent()) ?? ''
  await library.locator('.library__filter').fill(title.split(' ').slice(0, 3).join(' '))
  await expect(library.locator('.library__item')).toHaveCount(1)
  await library.locator('.trash__toggle').click()
  await expect(library.locator('.trash__toggle')).toHaveAttribute('aria-expanded', 'true')
  await audit('library')

  // Search, with results and with none.
  await page.keyboard.press('Control+k')
  const search = page.locator('dialog.search')
  const box = search.getByRole('combobox')
  await expect(box).toBeFocused()
  await box.fill('surveillance espion')
  await expect(search.getByRole('option').first()).toBeVisible()
  await audit('search results')
  await box.fill('zzqxw')
  await expect(search.locator('.search__empty')).toBeVisible()
  await audit('search without results')
  await page.keyboard.press('Escape')
  await expect(search).toBeHidden()

  // The notes workspace.
  await viewButton(page, 1).click()
  await expect(page.locator('.notes-workspace__note')).toHaveCount(1)
  await audit('notes workspace')
  await page.locator('.notes-workspace__note input[type="checkbox"]').check()
  await expect(page.locator('.notes-workspace__actions')).toBeVisible()
  await audit('notes workspace with a selection')

  // The briefing composer, with a new briefing.
  await viewButton(page, 2).click()
  await page.locator('.briefings__list .button--primary').click()
  await expect(page.getByTestId('briefing-preview')).toBeVisible()
  await audit('briefing composer')
  await page.locator('.composer__group input[type="checkbox"]').first().check()
  await expect(page.getByTestId('briefing-preview').locator('blockquote')).toHaveCount(1)
  await audit('briefing composer with a note')

  // Settings, once the shell has them.
  const settingsButton = page.locator('.topbar__settings')
  if ((await settingsButton.count()) === 0) {
    test
      .info()
      .annotations.push({ type: 'not audited', description: 'settings: the top bar has no settings button yet' })
    console.log('[settings] not audited: the top bar has no settings button yet')
  } else {
    await settingsButton.click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await audit('settings')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
  }

  // A message offering Undo, after the article goes to the trash.
  await viewButton(page, 0).click()
  await page.locator('.reader__tools button').nth(2).click()
  await expect(page.locator('.message-bar .message')).toBeVisible()
  await audit('message with undo')
}

/** Presses Tab as a person would until the article text has the focus (the top bar and library come first). */
async function tabIntoArticle(page: Page): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.classList.contains('article-text') ?? false)) return
  }
  throw new Error('80 presses of Tab never reached the article text')
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
]) {
  test(`at ${size.width}×${size.height}: keyboard focus rings the article page; the search dialog teaches and passes axe`, async ({
    dossier
  }, testInfo) => {
    const { page } = dossier
    await page.setViewportSize(size)
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}.png`) })
    await expect(page.locator('.article-text')).toContainText('Pegasus')

    // Focus from the keyboard shows on the page around the text, not only as a caret.
    const ring = () => page.locator('.reader__page').evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(await ring()).toBe('none')
    await tabIntoArticle(page)
    await expect.poll(ring).toBe('solid')
    await shot('article-focus')
    await auditView(page, `reading with keyboard focus, ${size.width}`)

    // Opened empty, the dialog says what can be searched and how to narrow it.
    await page.keyboard.press('Control+k')
    const search = page.locator('dialog.search')
    const box = search.getByRole('combobox')
    await expect(box).toBeFocused()
    await expect(search.locator('.search__guide code')).toHaveText(['securite', 'tag:Acteurs/Israël', 'article:maroc'])
    await expect(search.getByRole('listbox')).toBeHidden()
    await shot('search-intro')
    await auditView(page, `search, nothing typed, ${size.width}`)

    // Results: one listbox of named groups holding named options, and no heading inside it.
    await box.fill('maroc')
    const listbox = search.getByRole('listbox')
    await expect(listbox.getByRole('group')).toHaveCount(1)
    await expect(listbox.getByRole('option')).toHaveCount(1)
    await expect(listbox.getByRole('group')).toHaveAccessibleName(/^1 article$/)
    await expect(listbox.getByRole('option').first()).toHaveAccessibleName(/maroc/i)
    await expect(listbox.getByRole('heading')).toHaveCount(0)
    await expect(box).toHaveAttribute('aria-activedescendant', /.+/)
    // Said to screen readers through the dialog's own live region (messages may show in the dialog too).
    await expect(search.locator('.search__announcement[role="status"]')).toContainText('1 article')
    await shot('search-results')
    await auditView(page, `search results, ${size.width}`)

    // Many results scroll inside the listbox, and the arrows bring the active one into view.
    await page.keyboard.press('Escape')
    await expect(search).toBeHidden()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.library__actions .button--primary').click()
    await (await chooser).setFiles(MORE_ARTICLES)
    await expect(page.locator('.library__item')).toHaveCount(MORE_ARTICLES.length + 1)
    await page.keyboard.press('Control+k')
    await expect(box).toBeFocused()
    await box.fill('coopération')
    const options = listbox.getByRole('option')
    await expect(options).toHaveCount(MORE_ARTICLES.length + 1)
    expect(await listbox.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true)
    await expect(options.last()).not.toBeInViewport()
    for (let press = 0; press < MORE_ARTICLES.length; press++) await box.press('ArrowDown')
    await expect(options.last()).toHaveAttribute('aria-selected', 'true')
    // Nearly whole: the listbox's edge may clip a fraction of a pixel.
    await expect(options.last()).toBeInViewport({ ratio: 0.95 })
    await shot('search-many-results')
    await auditView(page, `search with many results, ${size.width}`)

    // Nothing found: what was searched, and a remedy fitting the query (here, a filter).
    await box.fill('tag:Inconnu maroc')
    const empty = search.locator('.search__empty')
    await expect(empty).toContainText('tag:Inconnu maroc')
    await expect(empty.locator('code')).toHaveText(['tag:Inconnu'])
    await expect(search.locator('.search__announcement')).toContainText('tag:Inconnu maroc')
    await expect(listbox).toBeHidden()
    await shot('search-empty')
    await auditView(page, `search without results, ${size.width}`)

    // Esc closes the dialog even with text in the field (a search field's own Esc only empties it).
    await page.keyboard.press('Escape')
    await expect(search).toBeHidden()
  })
}

/**
 * The interface language as a person meets it (issue 14): Dossier starts in the computer's
 * language (English here), Settings switches it to French at once, every view then reads
 * French with no English interface text left, the choice survives a restart (the host keeps
 * it in preferences.json, since browser mode's origin changes with its port), and switching
 * back restores English. "No English" is checked against the English resources themselves:
 * any English value that differs from its French translation must not be on screen.
 * Screenshots of every view in French at 1440×900 and 1024×700 are saved for review.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { en, fr } from '../src/renderer/src/locales'
import { readJson, storedLibrary } from './support/disk'
import { expect, startHost, stopHost, test, type StartedHost } from './support/fixtures'
import { selectTextWithMouse } from './support/selection'

const PASSAGE = 'lieutenant-général Aviv Kochavi'
const TAGGED_PASSAGE = 'coopération militaire'

/** What the person wrote or imported, not interface text: the article, note texts, the briefing's document. */
const CONTENT = ['.article-text', '.notes-list__text', '.briefing-preview', 'iframe']

/** Every string of a resource tree, by its key path. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)
  )
}

interface EnglishText {
  key: string
  value: string
  pattern: RegExp
}

/**
 * The English values that must not show in French: those with at least 4 letters outside
 * their placeholders, whose French differs ("Notes" and "Articles" are French too). A
 * placeholder matches whatever text filled it; letters around a match must not continue a word.
 */
function englishTexts(): EnglishText[] {
  const french = new Map(leaves(fr))
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return leaves(en).flatMap(([key, value]) => {
    const parts = value.split(/\{\{[^}]*\}\}/)
    const letters = parts.join('').match(/\p{L}/gu)?.length ?? 0
    if (letters < 4 || french.get(key) === value) return []
    // "Export {{count}} note" must not find « Exporter 0 note »: a space stays a space.
    const body = parts.map((part) => escape(part).replace(/\s+/g, '\\s+')).join('.+?')
    return [{ key, value, pattern: new RegExp(`(?<!\\p{L})${body}(?!\\p{L})`, 'u') }]
  })
}

/** The texts a person sees or hears in `root`: text, labels, titles and placeholders, outside the content. */
function textsOnScreen(page: Page, root: string): Promise<string[]> {
  return page.evaluate(
    ({ root, content }) => {
      const scope = document.querySelector(root)
      if (!scope) throw new Error(`nothing on screen matches ${root}`)
      const isContent = (element: Element) => content.some((selector) => element.closest(selector))
      const shown = (element: Element) =>
        element.checkVisibility({ visibilityProperty: true }) ||
        (element instanceof HTMLOptionElement && element.closest('select')!.checkVisibility())
      const texts: string[] = []
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        const text = node.textContent?.trim()
        if (text && parent && !isContent(parent) && shown(parent)) texts.push(text)
      }
      for (const element of [scope, ...scope.querySelectorAll('*')]) {
        if (isContent(element) || !shown(element)) continue
        for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = element.getAttribute(attribute)?.trim()
          if (value) texts.push(value)
        }
      }
      return texts
    },
    { root, content: CONTENT }
  )
}

/** The English interface texts found in `root`: "what the screen says" ← the English values (and keys) it holds. */
async function englishOnScreen(page: Page, root: string): Promise<string[]> {
  const found = new Map<string, Set<string>>()
  for (const text of await textsOnScreen(page, root)) {
    for (const english of ENGLISH) {
      if (!english.pattern.test(text)) continue
      const said = `"${text.slice(0, 100)}"`
      found.set(said, (found.get(said) ?? new Set()).add(`« ${english.value} » (${english.key})`))
    }
  }
  for (const text of await textsOnScreen(page, root)) {
    const word = ENGLISH_ONLY_WORDS.exec(text)?.[0]
    if (!word) continue
    const said = `"${text.slice(0, 100)}"`
    found.set(said, (found.get(said) ?? new Set()).add(`the English word « ${word} »`))
  }
  return [...found].map(([said, values]) => `${said} ← ${[...values].slice(0, 2).join(', ')}`)
}

/**
 * Text written straight into the markup is in no resource file: English words that French
 * never uses find it (the lint rule i18next/no-literal-string finds it in the source too).
 */
const ENGLISH_ONLY_WORDS =
  /(?<!\p{L})(the|and|of|to|with|your|you|this|these|none|every|is|are|for|from|into|only|any|all|its|was|has|have|not)(?!\p{L})/iu

const ENGLISH = englishTexts()

/** The view at both sizes the issue names; the layout is given a frame to settle after each resize. */
async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700]
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await page.screenshot({ path: testInfo.outputPath(`fr-${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

function storedLanguage(dataDir: string): string | null {
  const file = path.join(dataDir, 'preferences.json')
  return fs.existsSync(file) ? readJson<{ interfaceLanguage: string }>(file).interfaceLanguage : null
}

test('the interface switches to French in Settings, shows no English anywhere, and keeps French after a restart', async ({
  chromiumBrowser
}, testInfo) => {
  test.skip(!chromiumBrowser, 'Electron mode: only browser mode can set the system language')
  const dataDir = testInfo.outputPath('data')
  // A computer set to English: Dossier starts in English.
  const context = await chromiumBrowser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
  let host: StartedHost = await startHost(dataDir)
  const page = await context.newPage()
  const offenders: Record<string, string[]> = {}
  const check = async (view: string, root: string) => {
    const english = await englishOnScreen(page, root)
    if (english.length > 0) offenders[view] = english
  }
  try {
    await page.goto(host.url)
    const settingsButton = page.locator('.topbar__settings')
    await expect(settingsButton).toHaveText('Settings')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('.article-text')).toContainText(PASSAGE)

    // Ctrl+, opens Settings from the keyboard; the language applies the moment it is chosen.
    await page.keyboard.press('Control+,')
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await expect(settings.getByRole('radio', { name: 'Same as this computer (English)' })).toBeChecked()
    await settings.getByRole('radio', { name: 'Français', exact: true }).check()
    await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible()
    await expect(settingsButton).toHaveText('Réglages')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect.poll(() => storedLanguage(dataDir)).toBe('fr')
    await check('settings', '.settings')
    await screenshots(page, testInfo, 'settings')
    await page.keyboard.press('Escape')
    await expect(page.locator('.settings')).toHaveCount(0)

    // The keyboard shortcuts, written out from the keymap in the interface's words.
    await page.keyboard.press('?')
    await expect(page.locator('dialog.shortcuts')).toContainText('Surligner la sélection')
    await check('shortcuts', 'dialog.shortcuts')
    await screenshots(page, testInfo, 'shortcuts')
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]')).toHaveCount(0)

    // Reading: the library, the article's frame and the notes panel.
    await check('top bar', '.topbar')
    await check('library', '.library')
    await check('reading', '.workspace')
    await screenshots(page, testInfo, 'reading')

    // The selection popover, then a highlight (H) and a tagged one (T), so the panels have notes and tags.
    await selectTextWithMouse(page, PASSAGE, 1)
    const popover = page.locator('.selection-popover')
    await expect(popover).toBeVisible()
    await check('popover', '.selection-popover')
    await screenshots(page, testInfo, 'popover')
    await page.keyboard.press('h')
    await expect(page.locator('mark')).toHaveCount(1)
    await selectTextWithMouse(page, TAGGED_PASSAGE)
    await page.keyboard.press('t')
    await page.keyboard.type('Acteurs/Israël')
    await page.keyboard.press('Enter')
    await expect.poll(() => readJson<{ tags: unknown[] }>(path.join(dataDir, 'library.json')).tags.length).toBe(1)
    await expect(page.locator('mark')).toHaveCount(2)
    await check('notes panel', '.notes-panel')
    await screenshots(page, testInfo, 'notes-panel')

    await page.locator('.topbar__tags').click()
    const tagManager = page.locator('dialog[open]')
    await expect(tagManager).toContainText('Israël')
    await check('tag manager', 'dialog[open]')
    await screenshots(page, testInfo, 'tag-manager')
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]')).toHaveCount(0)

    await page.keyboard.press('Control+k')
    await page.locator('dialog[open]').getByRole('combobox').fill('Maroc')
    await expect(page.locator('dialog[open] [role="option"]').first()).toBeVisible()
    await check('search', 'dialog[open]')
    await screenshots(page, testInfo, 'search')
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]')).toHaveCount(0)

    await page.locator('.topbar__view').nth(1).click()
    const workspace = page.getByRole('main', { name: 'Toutes les notes de la bibliothèque' })
    await expect(workspace.locator('.notes-workspace__note')).toHaveCount(2)
    await workspace.locator('.notes-workspace__note input[type="checkbox"]').first().check()
    await expect(workspace.locator('.notes-workspace__actions')).toBeVisible()
    await check('workspace', '.notes-workspace')
    await screenshots(page, testInfo, 'workspace')

    await page.locator('.topbar__view').nth(2).click()
    await page.locator('.briefings .button--primary').first().click()
    await expect(page.locator('.briefings__output')).toBeVisible()
    await check('composer', '.briefings')
    await screenshots(page, testInfo, 'composer')
    fs.writeFileSync(testInfo.outputPath('english-left.json'), JSON.stringify(offenders, null, 2))

    // The host keeps the choice: a new host (a new port, so a new origin) still opens in French.
    await stopHost(host)
    host = await startHost(dataDir)
    await page.goto(host.url)
    await expect(settingsButton).toHaveText('Réglages')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    expect(storedLanguage(dataDir)).toBe('fr')
    expect(storedLibrary(dataDir).articles).toHaveLength(1)

    await settingsButton.click()
    await page.getByRole('dialog', { name: 'Réglages' }).getByRole('radio', { name: 'English', exact: true }).check()
    await expect(settingsButton).toHaveText('Settings')
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    await expect.poll(() => storedLanguage(dataDir)).toBe('en')

    expect(offenders, 'English interface texts shown in French mode, by view').toEqual({})
  } finally {
    await stopHost(host)
    await context.close()
  }
})

test('a first run on a French computer speaks French without being asked, and writes no preference for it', async ({
  chromiumBrowser
}, testInfo) => {
  test.skip(!chromiumBrowser, 'Electron mode: only browser mode can set the system language')
  const dataDir = testInfo.outputPath('data')
  const context = await chromiumBrowser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' })
  const host = await startHost(dataDir)
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await expect(page.locator('.topbar__settings')).toHaveText('Réglages')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await page.keyboard.press('Control+,')
    const settings = page.getByRole('dialog', { name: 'Réglages' })
    await expect(settings.getByRole('radio', { name: 'Comme cet ordinateur (Français)' })).toBeChecked()
    expect(storedLanguage(dataDir)).toBeNull()
  } finally {
    await stopHost(host)
    await context.close()
  }
})

/**
 * PDF is the HTML export printed by Chromium, so the print stylesheet is only proven by
 * printing it: this prints a long briefing on A4 and on letter with the same Chromium the app
 * and the end-to-end tests use, then reads the PDFs back with poppler (pdfinfo, pdftotext).
 * Both tools are installed by .ci/run; a machine without them fails here with the command to
 * run, rather than skipping and letting a broken print layout through.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefingSection } from '../../../shared/briefing/document'
import { renderBriefingHtml } from './html'
import { NBSP, sampleBriefing, sampleItem } from './testing/sampleBriefing'

const CHROMIUM = '/usr/bin/chromium'
const SECTIONS = 8
const ITEMS_PER_SECTION = 5
const ARTICLE = (
  'Alors que le voyage du lieutenant-général Aviv Kochavi a été présenté par Israël dans le cadre de la ' +
  'coopération émergente en matière de défense avec le Maroc, Rabat a également tenté de négocier de meilleures ' +
  'conditions pour les Palestiniens dans le cadre d’une campagne diplomatique américaine'
).split(' ')

function requireTools(): void {
  const missing: string[] = []
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install -y chromium)`)
  for (const tool of ['pdftotext', 'pdfinfo']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' })
    } catch {
      missing.push(`${tool} (apt-get install -y poppler-utils)`)
    }
  }
  if (missing.length > 0) {
    throw new Error(`The PDF print check needs ${missing.join(' and ')}; .ci/run installs both.`)
  }
}

/** A briefing long enough to span several pages, quotes of varied length, each findable by its number. */
function longBriefing() {
  const sections: BriefingSection[] = Array.from({ length: SECTIONS }, (_, s) => ({
    key: `theme-${s + 1}`,
    heading: `Thème ${s + 1}`,
    level: 1,
    intro: s === 0 ? `Ce que disent les sources${NBSP}; la sécurité d’Israël d’abord.` : '',
    items: Array.from({ length: ITEMS_PER_SECTION }, (_, i) => {
      const n = s * ITEMS_PER_SECTION + i + 1
      return sampleItem({
        noteId: `note-${n}`,
        quote: `Citation numéro ${n}${NBSP}: «${NBSP}la sécurité d’Israël${NBSP}» ${ARTICLE.slice(0, 8 + ((n * 7) % 30)).join(' ')}.`,
        noteText: n % 10 === 3 ? `Note ${n}${NBSP}: à **recouper** avec *Globes*.` : '',
        tags: n % 8 === 1 ? [{ path: 'Acteurs/Israël', color: '#1f6feb' }] : [],
        sourceNumber: (n % 2) + 1,
        paragraph: n
      })
    })
  }))
  return sampleBriefing({ sections })
}

interface Printed {
  pages: number
  width: number
  height: number
  /** One string per page, as pdftotext lays it out. */
  pageTexts: string[]
}

describe('printing the HTML export to PDF', () => {
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    requireTools()
    dir = mkdtempSync(join(tmpdir(), 'dossier-pdf-'))
    browser = await chromium.launch({ executablePath: CHROMIUM })
  }, 20_000)

  afterAll(async () => {
    await browser?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  async function print(paper: 'a4' | 'letter'): Promise<Printed> {
    const page = await browser.newPage()
    await page.setContent(renderBriefingHtml(longBriefing(), { paper }))
    const file = join(dir, `${paper}.pdf`)
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }))
    await page.close()
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
    const pages = /Pages:\s+(\d+)/.exec(info)
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    return {
      pages: Number(pages?.[1]),
      width: Number(size?.[1]),
      height: Number(size?.[2]),
      pageTexts: text.split('\f').filter((pageText) => pageText.trim() !== '')
    }
  }

  it('prints every quote on numbered A4 pages, classification on each, no heading left at a page bottom', async () => {
    const pdf = await print('a4')
    expect(pdf.width).toBeCloseTo(595.3, 0)
    expect(pdf.height).toBeCloseTo(841.9, 0)
    expect(pdf.pages).toBeGreaterThan(2)
    expect(pdf.pageTexts).toHaveLength(pdf.pages)

    const all = pdf.pageTexts.join('\n').replace(/\s+/g, ' ')
    for (let n = 1; n <= SECTIONS * ITEMS_PER_SECTION; n++) expect(all).toContain(`Citation numéro ${n} :`)
    expect(all).toContain('« la sécurité d’Israël »')
    expect(all).toContain('Le Desk, « Le chef d’état-major israélien en visite au Maroc »')

    pdf.pageTexts.forEach((pageText, index) => {
      expect(pageText, `page ${index + 1} number`).toMatch(
        new RegExp(`(^|\\s)${index + 1}\\s*/\\s*${pdf.pages}(\\s|$)`, 'm')
      )
      expect(pageText, `page ${index + 1} classification`).toContain('DIFFUSION RESTREINTE')
      const lines = pageText.split('\n').map((line) => line.trim())
      const content = lines.filter((line) => line !== '' && !/^\d+\s*\/\s*\d+$/.test(line))
      expect(content.at(-1), `last line of page ${index + 1}`).not.toMatch(/^Thème \d+$/)
      // A citation never starts a page: it stays with its quote.
      expect(content[1], `first line of page ${index + 1}`).not.toMatch(/^\[\d+\]/)
    })
  }, 20_000)

  it('follows the paper option: letter pages differ from A4', async () => {
    const letter = await print('letter')
    expect(letter.width).toBeCloseTo(612, 0)
    expect(letter.height).toBeCloseTo(792, 0)
    expect(letter.pageTexts[0]).toMatch(new RegExp(`(^|\\s)1\\s*/\\s*${letter.pages}(\\s|$)`, 'm'))
  }, 20_000)
})

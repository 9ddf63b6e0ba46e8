// Why this exists: highlighting must stay instant in an article the analyst has already
// annotated heavily. This times, in headless Chromium, one highlight (select a passage, press H,
// until its mark is drawn) in the 3 MB article holding 1,000 notes, against the same highlight
// in the same article with no notes, in the same run. Run alone with
// `node bench/highlightWithManyNotes.mjs` after a build.
import { chromium } from '@playwright/test'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  articleMeta,
  note,
  plainText,
  seededId,
  writeBody,
  writeLibrary,
  writeNotes,
  blockStartOffsets
} from './lib/dataFolder.mjs'
import { createRandom, frenchParagraphs } from './lib/frenchText.mjs'
import { startHost } from './lib/host.mjs'
import { formatBytes, formatMs, formatRatio, median } from './lib/stats.mjs'

const PARAGRAPHS = 3_000
const TOTAL_BYTES = 3_000_000
const NOTES = 1_000
const RUNS = 7
const TARGET_RATIO = 1.2
const RUN_TIMEOUT_MS = 120_000
const ARTICLE_ID = 'bench-highlight-article'
/** Existing notes start this far into their paragraph, so the passage highlighted in the first one is free. */
const FIRST_NOTE_OFFSET = 200
/** The passage highlighted: these characters of the first paragraph's first text. */
const PASSAGE = { from: 10, to: 70 }

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** NOTES notes spread over the article, one every few paragraphs, none crossing a paragraph's end. */
function spreadNotes(blocks, text) {
  const random = createRandom(99)
  const at = new Date(Date.UTC(2025, 2, 3, 9)).toISOString()
  const blockStarts = blockStartOffsets(blocks)
  return Array.from({ length: NOTES }, (_, i) => {
    const blockIndex = Math.floor((i * blocks.length) / NOTES)
    const block = blocks[blockIndex].text
    const length = 20 + Math.floor(random() * 130)
    const room = Math.max(1, block.length - length - FIRST_NOTE_OFFSET)
    const start = blockStarts[blockIndex] + FIRST_NOTE_OFFSET + Math.floor(random() * room)
    const end = Math.min(start + length, blockStarts[blockIndex] + block.length)
    return note({ id: seededId(random), articleId: ARTICLE_ID, text, start, end, noteText: '', at })
  })
}

async function writeDataFolder(dataDir, blocks, notes) {
  await writeBody(dataDir, ARTICLE_ID, blocks)
  await writeLibrary(dataDir, [
    articleMeta({
      id: ARTICLE_ID,
      title: blocks[0].text.split(/[.,:]/)[0],
      blocks,
      importedAt: new Date(Date.UTC(2025, 2, 3, 8)).toISOString(),
      sourceFile: 'big.txt'
    })
  ])
  await writeNotes(dataDir, ARTICLE_ID, notes)
}

/** In the page: every block is in and `expected` distinct notes are drawn as marks. */
function drawnNoteCount(expected) {
  const pane = document.querySelector('.article-text')
  if (!pane || pane.hasAttribute('data-article-loading')) return false
  const ids = new Set()
  for (const mark of pane.querySelectorAll('mark[data-note-ids]')) {
    for (const id of mark.getAttribute('data-note-ids').split(' ')) ids.add(id)
  }
  return ids.size === expected
}

/**
 * In the page: selects PASSAGE in the first paragraph with a DOM Range and arms a keydown
 * listener (capture phase, so it runs before the app's) that starts the clock, and a
 * MutationObserver that stops it one frame after a mark for a new note holding the passage
 * exists. Returns the selected passage.
 */
function armHighlight({ from, to }) {
  const pane = document.querySelector('.article-text')
  const before = new Set()
  for (const mark of pane.querySelectorAll('mark[data-note-ids]')) {
    for (const id of mark.getAttribute('data-note-ids').split(' ')) before.add(id)
  }
  const paragraph = pane.querySelector('p')
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
  let textNode = walker.nextNode()
  while (textNode && (textNode.data.length < to || textNode.parentElement.closest('mark'))) {
    textNode = walker.nextNode()
  }
  if (!textNode) throw new Error('no plain text long enough in the first paragraph')
  const range = document.createRange()
  range.setStart(textNode, from)
  range.setEnd(textNode, to)
  const passage = range.toString().trim()
  const selection = getSelection()
  selection.removeAllRanges()
  selection.addRange(range)

  // drawnAt: the first mark holding the passage (the app draws it before the save returns);
  // savedAt: the mark carries the stored note's id (ids of unsaved highlights start with "pending-").
  const state = { pressedAt: null, drawnAt: null, noteId: null, savedAt: null }
  globalThis.__benchHighlight = state
  window.addEventListener('keydown', () => (state.pressedAt ??= performance.now()), { capture: true, once: true })
  const newMarks = () => {
    const texts = new Map()
    for (const mark of pane.querySelectorAll('mark[data-note-ids]')) {
      for (const id of mark.getAttribute('data-note-ids').split(' ')) {
        if (!before.has(id)) texts.set(id, (texts.get(id) ?? '') + mark.textContent)
      }
    }
    return [...texts].filter(([, text]) => text.replace(/\s+/g, ' ').trim() === passage).map(([id]) => id)
  }
  const observer = new MutationObserver(() => {
    if (state.pressedAt === null) return
    const ids = newMarks()
    if (ids.length > 0 && state.drawnAt === null && !state.drawing) {
      state.drawing = true
      requestAnimationFrame(() => (state.drawnAt = performance.now()))
    }
    const saved = ids.find((id) => !id.startsWith('pending-'))
    if (saved === undefined || state.noteId !== null) return
    state.noteId = saved
    observer.disconnect()
    requestAnimationFrame(() => (state.savedAt = performance.now()))
  })
  observer.observe(pane, { subtree: true, childList: true, attributes: true, characterData: true })
  return passage
}

/** Opens the app on `host` and waits until every block is in and `expectedNotes` notes are drawn. */
async function openPage(browser, host, expectedNotes) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' })
  const page = await context.newPage()
  const started = performance.now()
  await page.goto(host.url, { timeout: RUN_TIMEOUT_MS })
  await page.waitForFunction(drawnNoteCount, expectedNotes, { timeout: RUN_TIMEOUT_MS, polling: 100 })
  return { context, page, host, expectedNotes, openMs: performance.now() - started }
}

/**
 * One highlight on an open page, then Ctrl+Z (the app's own undo, which deletes the note
 * through the API and unwraps its mark), so every run starts from the same notes.
 */
async function timeOneHighlight({ page, host, expectedNotes }) {
  await page.bringToFront()
  // Let any pending step and its mark sync settle before the clock starts.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const passage = await page.evaluate(armHighlight, PASSAGE)
  await page.keyboard.press('h')
  const handle = await page.waitForFunction(
    () => {
      const state = globalThis.__benchHighlight
      return state.drawnAt !== null && state.savedAt !== null && state
    },
    null,
    { timeout: RUN_TIMEOUT_MS, polling: 'raf' }
  )
  const state = await handle.jsonValue()
  const stored = await host.value('listNotes', { articleId: ARTICLE_ID })
  if (!stored.some((candidate) => candidate.id === state.noteId)) throw new Error('the new note was not stored')

  await page.keyboard.press('Control+z')
  await page.waitForFunction(drawnNoteCount, expectedNotes, { timeout: RUN_TIMEOUT_MS, polling: 100 })
  const after = await host.value('listNotes', { articleId: ARTICLE_ID })
  if (after.length !== expectedNotes) throw new Error(`undo left ${after.length} notes, expected ${expectedNotes}`)
  return { ms: state.drawnAt - state.pressedAt, savedMs: state.savedAt - state.pressedAt, passage }
}

export async function run({ workDir, log = console.log }) {
  const dir = path.join(workDir, 'highlight-with-many-notes')
  await fs.mkdir(dir, { recursive: true })

  const paragraphs = frenchParagraphs(20240611, PARAGRAPHS, TOTAL_BYTES)
  const blocks = paragraphs.map((paragraph) => ({ type: 'paragraph', text: paragraph }))
  const text = plainText(blocks)
  const size = Buffer.byteLength(text)
  const notes = spreadNotes(blocks, text)
  const noneDir = path.join(dir, 'none')
  const manyDir = path.join(dir, 'many')
  await writeDataFolder(noneDir, blocks, [])
  await writeDataFolder(manyDir, blocks, notes)
  log(
    `wrote two data folders: the same ${formatBytes(size)} article (${blocks.length.toLocaleString('en-US')}` +
      ` paragraphs), one with no notes, one with ${NOTES.toLocaleString('en-US')}`
  )

  const none = await startHost(noneDir)
  const many = await startHost(manyDir)
  let browser
  try {
    const listed = await many.value('listNotes', { articleId: ARTICLE_ID })
    if (listed.length !== NOTES) throw new Error(`the host lists ${listed.length} notes, expected ${NOTES}`)
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const manyPage = await openPage(browser, many, NOTES)
    const nonePage = await openPage(browser, none, 0)
    log(
      `opened: ${NOTES.toLocaleString('en-US')} notes all drawn after ${formatMs(manyPage.openMs)};` +
        ` no notes, every block in after ${formatMs(nonePage.openMs)}`
    )
    const samples = { none: [], many: [], noneSaved: [], manySaved: [] }
    let passage = ''
    // One unmeasured warm-up each, then alternate so drift on the machine hits both alike.
    for (let i = 0; i <= RUNS; i++) {
      const withMany = await timeOneHighlight(manyPage)
      const withNone = await timeOneHighlight(nonePage)
      passage = withMany.passage
      const label = i === 0 ? 'warm-up' : `run ${i}`
      log(
        `${label}: ${NOTES.toLocaleString('en-US')} notes ${formatMs(withMany.ms)} (saved ${formatMs(withMany.savedMs)});` +
          ` no notes ${formatMs(withNone.ms)} (saved ${formatMs(withNone.savedMs)})`
      )
      if (i === 0) continue
      samples.many.push(withMany.ms)
      samples.none.push(withNone.ms)
      samples.manySaved.push(withMany.savedMs)
      samples.noneSaved.push(withNone.savedMs)
    }
    const manyMs = median(samples.many)
    const noneMs = median(samples.none)
    const manySavedMs = median(samples.manySaved)
    const noneSavedMs = median(samples.noneSaved)
    return {
      rows: [
        {
          name: `Highlight with ${NOTES.toLocaleString('en-US')} notes`,
          value: formatMs(manyMs),
          baseline: `${formatMs(noneMs)} no notes`,
          ratio: formatRatio(manyMs / noneMs),
          target: `≤ ${TARGET_RATIO}×`,
          pass: manyMs / noneMs <= TARGET_RATIO
        },
        {
          name: '  … until the note is stored and its mark carries its id',
          value: formatMs(manySavedMs),
          baseline: `${formatMs(noneSavedMs)} no notes`,
          ratio: formatRatio(manySavedMs / noneSavedMs),
          target: 'info',
          pass: true
        },
        {
          name: '  … opening it, every note drawn',
          value: formatMs(manyPage.openMs),
          baseline: `${formatMs(nonePage.openMs)} no notes`,
          ratio: formatRatio(manyPage.openMs / nonePage.openMs),
          target: 'info',
          pass: true
        }
      ],
      notes: [
        `Highlight: the generated ${formatBytes(size)} article (${blocks.length.toLocaleString('en-US')} paragraphs)` +
          ` with ${NOTES.toLocaleString('en-US')} notes (20–150 characters, one every` +
          ` ${Math.round(blocks.length / NOTES)} paragraphs, all drawn) against the same article with none. Once every` +
          ` block and mark is in, a DOM Range selects "${passage.slice(0, 24)}…" (${passage.length} characters) in the` +
          ` first paragraph and Playwright presses H; timed in the page from the keydown to one frame after the new` +
          ` highlight's mark exists (the app draws it before createNote answers; the second row waits for the stored` +
          ` note's mark, round trip included). Each page is opened once; between runs Ctrl+Z (the` +
          ` app's undo: deleteNote, mark unwrapped) puts the notes back as they were. Headless Chromium, median of` +
          ` ${RUNS} after a warm-up; ratio = with notes / without. The "opening it" row is one sample per page: from` +
          ` navigation until every block is in and every note is drawn.`
      ]
    }
  } finally {
    await browser?.close()
    await none.stop()
    await many.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runBenchmarks } = await import('./lib/report.mjs')
  process.exitCode = await runBenchmarks([{ name: 'highlight-with-many-notes', run }])
}

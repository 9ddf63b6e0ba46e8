// Why this exists: after an article's text changes (re-import, re-cleaning, an edit), every note
// is re-attached with src/shared/anchoring. This times anchorSelectors for all 1,000 notes of
// the 3 MB article after an edit near its start, against the naive re-attachment (indexOf of
// each quote in the whole text), in the same run. The anchoring module is TypeScript, so it is
// bundled here with Vite's build API first; nothing is re-implemented.
// Run alone with `node bench/reanchorAfterEdit.mjs` (needs no app build).
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundleModule } from './lib/bundle.mjs'
import { plainText, blockStartOffsets } from './lib/dataFolder.mjs'
import { createRandom, frenchParagraphs, frenchSentence } from './lib/frenchText.mjs'
import { formatBytes, formatMs, formatRatio, median } from './lib/stats.mjs'

const PARAGRAPHS = 3_000
const TOTAL_BYTES = 3_000_000
const NOTES = 1_000
const PASSES = 5
/** The edit: one sentence inserted this many characters into the article. */
const EDIT_AT = 500

/** Bundles src/shared/anchoring (with approx-string-match) into `outDir` and imports it. */
function loadAnchoring(outDir) {
  return bundleModule('src/shared/anchoring/index.ts', outDir)
}

/** Selectors for NOTES quotes of 20–150 characters, spread evenly over the text, within a paragraph. */
function spreadSelectors(describeRange, blocks, text) {
  const random = createRandom(4242)
  const blockStarts = blockStartOffsets(blocks)
  return Array.from({ length: NOTES }, (_, i) => {
    const blockIndex = Math.floor((i * blocks.length) / NOTES)
    const block = blocks[blockIndex].text
    const length = 20 + Math.floor(random() * 130)
    const start = blockStarts[blockIndex] + Math.floor(random() * Math.max(1, block.length - length))
    const end = Math.min(start + length, blockStarts[blockIndex] + block.length)
    return describeRange(text, { start, end })
  })
}

function time(fn) {
  const started = performance.now()
  const result = fn()
  return { ms: performance.now() - started, result }
}

export async function run({ workDir, log = console.log }) {
  const dir = path.join(workDir, 'reanchor-after-edit')
  await fs.mkdir(dir, { recursive: true })
  const bundled = Date.now()
  const { anchorSelectors, describeRange } = await loadAnchoring(path.join(dir, 'anchoring'))
  log(`bundled src/shared/anchoring with Vite in ${((Date.now() - bundled) / 1000).toFixed(1)} s`)

  const blocks = frenchParagraphs(20240611, PARAGRAPHS, TOTAL_BYTES).map((text) => ({ type: 'paragraph', text }))
  const text = plainText(blocks)
  const selectors = spreadSelectors(describeRange, blocks, text)
  const inserted = ` ${frenchSentence(createRandom(5))}`
  // Insert at a word boundary after the first EDIT_AT characters, as an editor adding a sentence would.
  const at = text.indexOf(' ', EDIT_AT)
  const edited = text.slice(0, at) + inserted + text.slice(at)
  log(
    `${formatBytes(Buffer.byteLength(text))} text, ${NOTES.toLocaleString('en-US')} notes;` +
      ` inserted ${inserted.length} characters at ${at}`
  )

  const ours = () => selectors.map((selector) => anchorSelectors(edited, selector))
  const naive = () => selectors.map((selector) => edited.indexOf(selector.quote.exact))
  const samples = { ours: [], naive: [] }
  let results = []
  let naiveStarts = []
  // One unmeasured warm-up each (JIT), then alternate.
  for (let i = 0; i <= PASSES; i++) {
    const a = time(ours)
    const b = time(naive)
    results = a.result
    naiveStarts = b.result
    log(`${i === 0 ? 'warm-up' : `pass ${i}`}: anchorSelectors ${formatMs(a.ms)}; indexOf ${formatMs(b.ms)}`)
    if (i === 0) continue
    samples.ours.push(a.ms)
    samples.naive.push(b.ms)
  }

  const states = { anchored: 0, moved: 0, orphaned: 0 }
  for (const result of results) states[result.state] += 1
  // Where each quote now sits: its stored offset, shifted past the edit.
  const expected = selectors.map(({ position: { start } }) => (start >= at ? start + inserted.length : start))
  const misplaced = results.filter((result, i) => result.range?.start !== expected[i]).length
  const naiveFound = naiveStarts.filter((start) => start !== -1).length
  const naiveMisplaced = naiveStarts.filter((start, i) => start !== expected[i]).length
  const oursMs = median(samples.ours)
  const naiveMs = median(samples.naive)
  return {
    rows: [
      {
        name: `Re-anchor ${NOTES.toLocaleString('en-US')} notes after an edit`,
        value: formatMs(oursMs),
        baseline: `${formatMs(naiveMs)} indexOf`,
        ratio: formatRatio(oursMs / naiveMs),
        target: 'info',
        pass: true
      }
    ],
    notes: [
      `Re-anchor: ${NOTES.toLocaleString('en-US')} notes (quotes of 20–150 characters, spread evenly) described` +
        ` with describeRange on the generated ${formatBytes(Buffer.byteLength(text))} article, then one sentence` +
        ` (${inserted.length} characters) inserted after character ${EDIT_AT}; time of anchorSelectors(edited text)` +
        ` for every note, src/shared/anchoring bundled with Vite. Results: ${states.anchored} anchored,` +
        ` ${states.moved} moved, ${states.orphaned} orphaned; ${misplaced} not at their shifted offsets.` +
        ` Baseline: indexOf of each exact quote in the whole edited text, nothing else (found ${naiveFound}` +
        ` of ${NOTES}, ${naiveMisplaced} at the wrong occurrence or missing). Median of ${PASSES} passes after a warm-up; ratio = ours / naive.`
    ]
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runBenchmarks } = await import('./lib/report.mjs')
  process.exitCode = await runBenchmarks([{ name: 'reanchor-after-edit', run }])
}

// Why this exists: after an edit made in Dossier, updateArticleBody carries every note of the
// article through the diff of the old and new text (src/shared/notes/placement.ts: planEdit
// once, then carryNoteThroughEdit per note). This times exactly that for all 1,000 notes of a
// generated 3 MB article after one sentence is inserted near its start, against the naive
// re-attachment (indexOf of each quote in the whole new text), and also against the quote
// search used before (anchorSelectors per note, what text from outside Dossier still goes
// through), all in the same run. The modules are TypeScript, bundled here with Vite's build
// API first; nothing is re-implemented. Target: ≤ 60 ms for the diff-mapped re-anchoring.
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

/** Bundles src/shared/notes/placement.ts (with the anchoring modules and diff-match-patch) into `outDir`. */
function loadPlacement(outDir) {
  return bundleModule('src/shared/notes/placement.ts', outDir)
}

/** Same-run baseline and the previous design: the quote search of src/shared/anchoring. */
function loadAnchoring(outDir) {
  return bundleModule('src/shared/anchoring/index.ts', outDir)
}

/** A stored note as noteStore keeps it, on the given selectors. */
function noteOn(anchor, index) {
  const at = '2026-12-01T10:00:00.000Z'
  return { id: `n${index}`, articleId: 'a', anchor, text: '', tagIds: [], color: null, createdAt: at, updatedAt: at }
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
  const { planEdit, carryNoteThroughEdit } = await loadPlacement(path.join(dir, 'placement'))
  log(`bundled src/shared/anchoring and notes/placement with Vite in ${((Date.now() - bundled) / 1000).toFixed(1)} s`)

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

  const notes = selectors.map(noteOn)
  const checkedAt = '2026-12-01T10:05:00.000Z'
  const ours = () => {
    const hunks = planEdit(text, edited)
    return notes.map((note) => carryNoteThroughEdit(note, text, edited, hunks, checkedAt))
  }
  const search = () => selectors.map((selector) => anchorSelectors(edited, selector))
  const naive = () => selectors.map((selector) => edited.indexOf(selector.quote.exact))
  const samples = { ours: [], search: [], naive: [] }
  let results = []
  let naiveStarts = []
  // One unmeasured warm-up each (JIT), then alternate.
  for (let i = 0; i <= PASSES; i++) {
    const a = time(ours)
    const b = time(naive)
    const c = time(search)
    results = a.result
    naiveStarts = b.result
    log(
      `${i === 0 ? 'warm-up' : `pass ${i}`}: diff-mapped ${formatMs(a.ms)}; indexOf ${formatMs(b.ms)};` +
        ` quote search ${formatMs(c.ms)}`
    )
    if (i === 0) continue
    samples.ours.push(a.ms)
    samples.naive.push(b.ms)
    samples.search.push(c.ms)
  }

  const states = { anchored: 0, moved: 0, orphaned: 0 }
  for (const note of results) states[note.anchorStatus?.state ?? 'anchored'] += 1
  // Where each quote now sits: its stored offset, shifted past the edit.
  const expected = selectors.map(({ position: { start } }) => (start >= at ? start + inserted.length : start))
  const misplaced = results.filter((note, i) => note.anchor.position.start !== expected[i]).length
  const naiveFound = naiveStarts.filter((start) => start !== -1).length
  const naiveMisplaced = naiveStarts.filter((start, i) => start !== expected[i]).length
  const oursMs = median(samples.ours)
  const naiveMs = median(samples.naive)
  const searchMs = median(samples.search)
  return {
    rows: [
      {
        name: `Re-anchor ${NOTES.toLocaleString('en-US')} notes after an edit (diff-mapped)`,
        value: formatMs(oursMs),
        baseline: `${formatMs(naiveMs)} indexOf`,
        ratio: formatRatio(oursMs / naiveMs),
        target: '≤ 60 ms',
        pass: oursMs <= 60
      },
      {
        name: `  the quote search it replaced for Dossier's edits`,
        value: formatMs(searchMs),
        baseline: `${formatMs(naiveMs)} indexOf`,
        ratio: formatRatio(searchMs / naiveMs),
        target: 'info',
        pass: true
      }
    ],
    notes: [
      `Re-anchor: ${NOTES.toLocaleString('en-US')} notes (quotes of 20–150 characters, spread evenly) described` +
        ` with describeRange on the generated ${formatBytes(Buffer.byteLength(text))} article, then one sentence` +
        ` (${inserted.length} characters) inserted after character ${EDIT_AT}; time of planEdit(old, new) once plus` +
        ` carryNoteThroughEdit for every note (what updateArticleBody runs), src/shared bundled with Vite.` +
        ` Quote search (anchorSelectors per note, the previous design) ${formatMs(searchMs)}. Results: ${states.anchored} anchored,` +
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

// Why this exists: a briefing built from a whole library can hold a thousand notes, and its
// Word export must stay about linear in the number of notes (issue 5: ≤ 12× the time of 100
// notes for 1,000). This exports a generated French briefing of 100 and of 1,000 notes with the
// real DOCX exporter and compares the two in the same run. The exporter is TypeScript, so it is
// bundled here with Vite's build API first, as reanchorAfterEdit.mjs does; `docx` stays
// external and is loaded from node_modules, as the built app loads it.
// Run alone with `node bench/exportDocx.mjs` (needs no app build).
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import { bundleModule } from './lib/bundle.mjs'
import { seededId } from './lib/dataFolder.mjs'
import { createRandom, frenchSentence } from './lib/frenchText.mjs'
import { formatBytes, formatMs, formatRatio, median } from './lib/stats.mjs'

const SMALL = 100
const LARGE = 1_000
const PASSES = 7
const TARGET_RATIO = 12
const NOTES_PER_ARTICLE = 10
const TAGS = [
  'Acteurs/Israël',
  'Acteurs/Maroc',
  'Acteurs/Algérie',
  'Thèmes/Défense',
  'Thèmes/Énergie',
  'Thèmes/Diplomatie',
  'Lieux/Rabat',
  'Lieux/Tel-Aviv'
]
const OUTLETS = ['Le Desk', 'Le Monde', 'Jeune Afrique', 'TelQuel', 'Le Figaro', 'Médias24']

/** Bundles src/main/services/export/docx.ts (and what it imports from src/) into `outDir` and imports it. */
function loadExporter(outDir) {
  return bundleModule('src/main/services/export/docx.ts', outDir, { external: ['docx'] })
}

/** About `length` characters of French sentences, cut at a word boundary. */
function frenchText(random, length) {
  let text = ''
  while (text.length < length) text += `${text ? ' ' : ''}${frenchSentence(random)}`
  const cut = text.lastIndexOf(' ', length)
  return text.slice(0, cut > length / 2 ? cut : length)
}

/** A note text as analysts write them: ~150 characters, now and then **strong** or *em*. */
function noteText(random) {
  const words = frenchText(random, 150).split(' ')
  const at = Math.floor(random() * (words.length - 2))
  const roll = random()
  if (roll < 0.3) words[at] = `**${words[at]}**`
  else if (roll < 0.6) words[at] = `*${words[at]}*`
  return words.join(' ')
}

/**
 * A resolved BriefingDocument (src/shared/briefing/document.ts) of `count` notes: quotes of
 * ~200 characters with their anchors, grouped by first tag into sections (top-level tags, and
 * their children at level 2), one source per 10 notes.
 */
export function syntheticBriefing(count, seed = 20240611) {
  const random = createRandom(seed)
  const articles = Math.ceil(count / NOTES_PER_ARTICLE)
  const sources = Array.from({ length: articles }, (_, i) => ({
    number: i + 1,
    articleId: seededId(random),
    title: frenchText(random, 70),
    outlet: OUTLETS[i % OUTLETS.length],
    author: i % 3 === 0 ? null : 'Hélène Duclos',
    publishedAt: `2024-0${1 + (i % 9)}-1${i % 10}`,
    url: i % 4 === 0 ? null : `https://example.org/articles/${i + 1}`,
    language: 'fr'
  }))
  const byTag = new Map(TAGS.map((tag) => [tag, []]))
  for (let i = 0; i < count; i++) {
    const before = frenchText(random, 40)
    const quote = frenchText(random, 200)
    const after = frenchText(random, 40)
    const start = 200 + Math.floor(random() * 20_000)
    const tags = [TAGS[i % TAGS.length], ...(random() < 0.5 ? [TAGS[(i * 7 + 3) % TAGS.length]] : [])]
    const at = new Date(Date.UTC(2024, 2, 1) + i * 3_600_000).toISOString()
    byTag.get(tags[0]).push({
      noteId: seededId(random),
      quote,
      noteText: random() < 0.85 ? noteText(random) : '',
      tags: [...new Set(tags)].map((tag) => ({ path: tag, color: '#1f6feb' })),
      color: '#1f6feb',
      sourceNumber: 1 + Math.floor(i / NOTES_PER_ARTICLE),
      paragraph: 1 + Math.floor(random() * 40),
      createdAt: at,
      updatedAt: at,
      anchor: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: before.slice(-32), suffix: after.slice(0, 32) },
        position: { type: 'TextPositionSelector', start, end: start + quote.length }
      }
    })
  }
  const sections = []
  for (const group of ['Acteurs', 'Thèmes', 'Lieux']) {
    sections.push({ key: group, heading: group, level: 1, intro: frenchText(random, 120), items: [] })
    for (const tag of TAGS.filter((tag) => tag.startsWith(`${group}/`))) {
      sections.push({ key: tag, heading: tag.slice(group.length + 1), level: 2, intro: '', items: byTag.get(tag) })
    }
  }
  return {
    id: `bench-${count}`,
    frontMatter: {
      title: `Revue de presse\u00a0: ${count.toLocaleString('fr-FR')} notes`,
      subtitle: 'Maroc, Israël et la coopération militaire',
      author: 'Cellule Afrique du Nord',
      date: '2024-03-04',
      keyPoints: Array.from({ length: 5 }, () => frenchText(random, 100)).join('\n'),
      classification: 'Diffusion restreinte'
    },
    language: 'fr',
    sections,
    sources,
    // Tags printed, as before the choice existed, so the figures stay comparable.
    showTags: true,
    generatedAt: '2024-03-04T12:00:00.000Z'
  }
}

// A full collection before each timed export, so neither size pays for the other's garbage (the
// 100-note figure is small enough that one old-generation collection left over from the
// 1,000-note export doubled it). Each export still pays for collecting its own garbage.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc')

async function time(fn) {
  collectGarbage()
  const started = performance.now()
  const result = await fn()
  return { ms: performance.now() - started, result }
}

export async function run({ workDir, log = console.log }) {
  const dir = path.join(workDir, 'export-docx')
  await fs.mkdir(dir, { recursive: true })
  const bundled = Date.now()
  const { docxExporter } = await loadExporter(path.join(dir, 'bundle'))
  log(`bundled src/main/services/export/docx.ts with Vite in ${((Date.now() - bundled) / 1000).toFixed(1)} s`)

  const small = syntheticBriefing(SMALL)
  const large = syntheticBriefing(LARGE)
  const samples = { small: [], large: [] }
  const sizes = {}
  // One unmeasured warm-up each (JIT, docx's first load), then alternate.
  for (let i = 0; i <= PASSES; i++) {
    const a = await time(() => docxExporter.export(small, { paper: 'a4' }))
    const b = await time(() => docxExporter.export(large, { paper: 'a4' }))
    sizes.small = a.result.byteLength
    sizes.large = b.result.byteLength
    log(
      `${i === 0 ? 'warm-up' : `pass ${i}`}: ${SMALL} notes ${formatMs(a.ms)};` +
        ` ${LARGE.toLocaleString('en-US')} notes ${formatMs(b.ms)}`
    )
    if (i === 0) continue
    samples.small.push(a.ms)
    samples.large.push(b.ms)
  }

  const smallMs = median(samples.small)
  const largeMs = median(samples.large)
  const ratio = largeMs / smallMs
  return {
    rows: [
      {
        name: `Export ${LARGE.toLocaleString('en-US')} notes to DOCX`,
        value: formatMs(largeMs),
        baseline: `${formatMs(smallMs)} ${SMALL} notes`,
        ratio: formatRatio(ratio),
        target: `≤ ${TARGET_RATIO}×`,
        pass: ratio <= TARGET_RATIO
      }
    ],
    notes: [
      `Export DOCX: generated French briefing (quotes of ~200 characters with anchors, ~150-character notes with` +
        ` some **strong**/*em*, 1–2 tags, 9 sections on 2 levels, one source per ${NOTES_PER_ARTICLE} notes, key` +
        ` points, classification), exported with src/main/services/export/docx.ts bundled by Vite, docx from` +
        ` node_modules; bytes of ${SMALL} notes ${formatBytes(sizes.small)}, of ${LARGE.toLocaleString('en-US')}` +
        ` notes ${formatBytes(sizes.large)}. Median of ${PASSES} passes after a warm-up, the two sizes` +
        ` alternating; ratio = ${LARGE.toLocaleString('en-US')} notes / ${SMALL} notes (linear would be 10×).`
    ]
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { runBenchmarks } = await import('./lib/report.mjs')
  process.exitCode = await runBenchmarks([{ name: 'export-docx', run }])
}

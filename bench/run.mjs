// Why this exists: `npm run bench` entry point. Runs every benchmark in turn against the built
// app (out/, made by `npm run build`) and prints one table of ratios to same-run baselines.
// Optional arguments pick benchmarks by name: `node bench/run.mjs save-note`.
import { run as exportDocx } from './exportDocx.mjs'
import { run as highlightWithManyNotes } from './highlightWithManyNotes.mjs'
import { run as importStaysResponsive } from './importStaysResponsive.mjs'
import { run as openBigArticle } from './openBigArticle.mjs'
import { run as reanchorAfterEdit } from './reanchorAfterEdit.mjs'
import { runBenchmarks } from './lib/report.mjs'
import { run as saveNoteInBigLibrary } from './saveNoteInBigLibrary.mjs'
import { run as searchLibrary } from './searchLibrary.mjs'

const BENCHMARKS = [
  { name: 'open-big-article', run: openBigArticle },
  { name: 'save-note-in-big-library', run: saveNoteInBigLibrary },
  { name: 'highlight-with-many-notes', run: highlightWithManyNotes },
  { name: 'reanchor-after-edit', run: reanchorAfterEdit },
  { name: 'export-docx', run: exportDocx },
  { name: 'search', run: searchLibrary },
  { name: 'import-stays-responsive', run: importStaysResponsive }
]

// A file's own name works too: `exportDocx` picks `export-docx`.
const wanted = process.argv.slice(2).map((word) => word.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())
const selected = wanted.length
  ? BENCHMARKS.filter((benchmark) => wanted.some((word) => benchmark.name.includes(word)))
  : BENCHMARKS
if (selected.length === 0) {
  console.error(`No benchmark matches ${wanted.join(' ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`)
  process.exit(2)
}
process.exitCode = await runBenchmarks(selected)

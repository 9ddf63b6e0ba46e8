// Why this exists: one place that gives every benchmark a clean scratch folder (bench/.tmp),
// runs them in turn, prints the compact results table and removes the scratch folder again.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** DOSSIER_BENCH_TMP gives a run its own scratch folder, so runs in one checkout do not remove each other's. */
export const workDir = process.env.DOSSIER_BENCH_TMP
  ? path.resolve(process.env.DOSSIER_BENCH_TMP)
  : path.join(benchDir, '.tmp')

const COLUMNS = [
  ['Benchmark', (row) => row.name],
  ['Measured', (row) => row.value],
  ['Baseline', (row) => row.baseline],
  ['Ratio', (row) => row.ratio],
  ['Target', (row) => row.target],
  ['Result', (row) => (row.target === 'info' ? '—' : row.pass === null ? 'ERROR' : row.pass ? 'PASS' : 'MISS')]
]

export function formatTable(rows) {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((row) => COLUMNS.map(([, cell]) => String(cell(row))))]
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)))
  const line = (values) =>
    values
      .map((value, i) => value.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

/**
 * Runs `benchmarks` ({ name, run }) one after another. A benchmark that misses its target is
 * reported, not failed; one that cannot be measured at all is an ERROR row. Returns the exit code.
 */
export async function runBenchmarks(benchmarks) {
  const rows = []
  const notes = []
  let failed = false
  await fs.rm(workDir, { recursive: true, force: true })
  await fs.mkdir(workDir, { recursive: true })
  const started = Date.now()
  console.log(
    `Dossier benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}`
  )
  try {
    for (const benchmark of benchmarks) {
      console.log(`\n▶ ${benchmark.name}`)
      const log = (message) => console.log(`  · ${message}`)
      const benchStarted = Date.now()
      try {
        const result = await benchmark.run({ workDir, log })
        rows.push(...result.rows)
        notes.push(...result.notes)
      } catch (error) {
        failed = true
        log(`could not be measured: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        rows.push({ name: benchmark.name, value: '—', baseline: '—', ratio: '—', target: '—', pass: null })
      } finally {
        log(`took ${((Date.now() - benchStarted) / 1000).toFixed(1)} s`)
        await fs.rm(path.join(workDir), { recursive: true, force: true })
        await fs.mkdir(workDir, { recursive: true })
      }
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
  console.log(`\n${formatTable(rows)}\n`)
  for (const note of notes) console.log(`- ${note}`)
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s. MISS is reported, not a failure.`)
  return failed ? 1 : 0
}

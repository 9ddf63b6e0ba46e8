// Why this exists: `npm run torture` reproduces, against the built browser-mode host, each
// way issue 11 found to lose or damage data — kill -9 mid-write, damaged files, a full disk,
// tagging while tags are deleted — and the host's limits, and prints one line per case
// (case, runs, figures, PASS/FAIL/SKIPPED). Loopback only, bounded (about 15 minutes;
// --quick about 2–3), and not part of `npm test`. The cases live in scripts/torture/.
//
//   node scripts/torture.mjs [--quick] [--kills N] [--parallel N] [--minutes M]
//                            [--host <path to host.js>] [--only <family>]
//
// --kills (or --kills-per-kind) applies to each kind of kill; --parallel runs that many kill
// cases at once (default: the cores); --minutes stops starting new kills after M minutes.
//
// Families: kills, corruption, disk-full, tagging, limits.
import fs from 'node:fs'
import { parseOptions, reportLine, scratch as makeScratch } from './torture/common.mjs'

const FAMILIES = {
  kills: () => import('./torture/kills.mjs'),
  corruption: () => import('./torture/corruption.mjs'),
  'disk-full': () => import('./torture/diskFull.mjs'),
  tagging: () => import('./torture/concurrentTagging.mjs'),
  limits: () => import('./torture/limits.mjs')
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (!fs.existsSync(options.host)) {
    console.error(`torture: ${options.host} is missing: run npm run build first, or pass --host <path to host.js>`)
    process.exit(2)
  }
  if (options.only && !FAMILIES[options.only]) {
    console.error(`torture: --only takes one of ${Object.keys(FAMILIES).join(', ')}`)
    process.exit(2)
  }
  // The benchmarks' host starter is reused as it is; it reads which build to start from this variable.
  process.env.DOSSIER_BENCH_HOST = options.host
  const { startHost, projectRoot } = await import('../bench/lib/host.mjs')
  const scratch = makeScratch('run')
  console.log(
    `torture: host ${options.host}; ${options.kills} kills per kind, ${options.parallel} at once` +
      (options.minutes ? ` for at most ${options.minutes} min` : '') +
      `; tagging ${options.taggingSeconds} s;` +
      ` scratch ${scratch.root}`
  )
  const lines = []
  try {
    for (const [family, load] of Object.entries(FAMILIES)) {
      if (options.only && options.only !== family) continue
      try {
        const module = await load()
        lines.push(...(await module.run({ options, startHost, scratch, projectRoot })))
      } catch (error) {
        const reason = String(error?.message ?? error).split('\n')[0]
        lines.push(reportLine({ name: `${family} (family)`, runs: 0, figures: `stopped: ${reason}`, verdict: 'FAIL' }))
      }
    }
  } finally {
    scratch.remove()
  }
  const count = (verdict) => lines.filter((line) => line.verdict.startsWith(verdict)).length
  console.log(`torture: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('SKIPPED')} SKIPPED`)
  process.exitCode = count('FAIL') > 0 ? 1 : 0
}

await main()

// Why this exists: a write the host acknowledged must survive the host being killed at any
// instant, and an operation that spans several files (tag merge, delete, restore) must be
// found either complete or not begun after a restart, never half-applied. Each kind kills
// the host with SIGKILL at a random point of the operation (--kills N times), starts it again
// on the same folder and checks what came back. Each kind seeds one small data folder once;
// every KILLS_PER_FOLDER kills start again from a copy of it, so a kill costs the same at the
// thousandth as at the first. Kinds run side by side (--parallel), each on its own folders and
// port; progress goes to stderr every PROGRESS_EVERY kills (or PROGRESS_MINUTES, on a loaded
// machine), one line per kind to stdout.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inParallel, killHard, quarantined, reportLine, unreadableJsonFiles, verdictOf } from './common.mjs'
import { imports, noteSaves, tagOperation } from './killCases.mjs'

/** Kills on one copy of the seeded folder: files stay small (imports add about ten articles a kill). */
const KILLS_PER_FOLDER = 50
const PROGRESS_EVERY = 100
const PROGRESS_MINUTES = 5
const START_ATTEMPTS = 4

export async function run({ options, startHost, scratch }) {
  const kinds = [
    ['kill -9 during note saves', noteSaves],
    ['kill -9 during imports', imports],
    ['kill -9 during tag merge', tagOperation('merge')],
    ['kill -9 during tag delete', tagOperation('delete')],
    ['kill -9 during tag restore', tagOperation('restore')]
  ].map(([name, kind]) => ({
    name,
    kind,
    slug: name.replace(/^kill -9 during /, '').replace(/\W+/g, '-'),
    tally: newTally()
  }))
  const deadline = options.minutes ? Date.now() + options.minutes * 60_000 : Infinity
  const context = { options, startHost, scratch, deadline }
  const began = performance.now()
  await inParallel(
    kinds.map((entry) => () => seed(entry, context)),
    options.parallel
  )
  // Round-robin over the kinds, so that a run cut short by --minutes has gone as far in each.
  const batches = []
  for (let first = 0; first < options.kills; first += KILLS_PER_FOLDER)
    for (const entry of kinds) batches.push({ entry, count: Math.min(KILLS_PER_FOLDER, options.kills - first) })
  await inParallel(
    batches.map((batch) => () => killBatch(batch, context)),
    options.parallel
  )
  console.error(`kills: ${Math.round((performance.now() - began) / 1000)} s in all, ${options.parallel} at once`)
  return kinds.map(({ name, kind, tally }) => {
    for (const finding of tally.findings) console.error(`kills: ${name}: ${finding}`)
    progress(name, tally, options.kills)
    const passed = !tally.error && tally.lost === 0 && tally.half === 0 && tally.corrupt === 0
    const figures =
      `lost ${tally.lost}, half-applied ${tally.half}, corrupt files ${tally.corrupt}` +
      (kind.countsAcks ? `, done before the kill ${tally.ackedBeforeKill}` : '') +
      (tally.firstDamaged ? ` (first: ${tally.firstDamaged})` : '') +
      (tally.slowStarts ? `; ${tally.slowStarts} starts over 60 s killed and retried` : '') +
      (tally.runs < options.kills && !tally.error
        ? `; time limit reached after ${tally.runs} of ${options.kills}`
        : '') +
      (tally.error ? `; stopped: ${tally.error}` : '') +
      (tally.kept.length ? `; data kept in ${tally.kept.join(', ')}` : '')
    return reportLine({ name, runs: tally.runs, figures, verdict: verdictOf(passed) })
  })
}

function newTally() {
  return {
    ...{
      lost: 0,
      half: 0,
      corrupt: 0,
      firstDamaged: undefined,
      ackedBeforeKill: 0,
      runs: 0,
      error: null,
      slowStarts: 0
    },
    ...{ findings: [], kept: [], template: null, seed: null, ms: { operation: 0, start: 0, check: 0 } },
    lastProgressAt: Date.now()
  }
}

/** Seeds the kind's data folder through the API, then stops the host cleanly so the folder can be copied. */
async function seed(entry, { startHost, scratch }) {
  const { tally } = entry
  const dataDir = scratch.folder(`${entry.slug}-seed`)
  let host = null
  try {
    host = await startHost(dataDir)
    tally.seed = await entry.kind.seed(host)
    await host.stop()
    tally.template = dataDir
  } catch (error) {
    tally.error = `seeding failed: ${firstLine(error)}`
    await host?.stop().catch(() => undefined)
  }
}

/** `count` kills on a fresh copy of the kind's seeded folder; a folder where anything went wrong is kept. */
async function killBatch({ entry, count }, { startHost, scratch, deadline }) {
  const { tally } = entry
  if (tally.error || Date.now() >= deadline) return
  const dataDir = scratch.folder(`${entry.slug}-kills`)
  fs.cpSync(tally.template, dataDir, { recursive: true })
  const cycle = entry.kind.cycle(tally.seed, dataDir)
  const scanned = new Map()
  let corruptHere = 0
  let wrong = false
  let host = null
  try {
    host = await startPatiently(startHost, dataDir, tally)
    for (let index = 0; index < count && !tally.error && Date.now() < deadline; index++) {
      const t0 = performance.now()
      const outcome = await cycle.killDuring(host)
      await killHard(host)
      const t1 = performance.now()
      // killHard has waited for the process to exit: its lock is stale from that instant on.
      host = await startPatiently(startHost, dataDir, tally).catch((error) => {
        throw new Error(`the host did not start again after kill ${tally.runs + 1}: ${firstLine(error)}`)
      })
      const t2 = performance.now()
      const checked = await cycle.check(host, outcome)
      // The quarantine only grows, so its count at the folder's last restart is the folder's total.
      const damaged = [
        ...unreadableJsonFiles(dataDir, scanned),
        ...quarantined(dataDir).map((name) => `.quarantine/${name}`)
      ]
      tally.ms.operation += t1 - t0
      tally.ms.start += t2 - t1
      tally.ms.check += performance.now() - t2
      tally.runs++
      tally.lost += checked.lost
      tally.half += checked.half ?? 0
      tally.ackedBeforeKill += outcome.acked ? 1 : 0
      corruptHere = Math.max(corruptHere, damaged.length)
      tally.firstDamaged ??= damaged[0]
      if (checked.lost || checked.half || damaged.length) {
        wrong = true
        // The folder as the restarted host left it, before the next kill changes it.
        const kept = keep(dataDir, `after-kill-${index + 1}`)
        const finding = `kill ${tally.runs} (${kept}): ${checked.detail ?? ''} ${damaged.join(', ')}`
        tally.findings.push(finding)
        console.error(`kills: ${entry.name}: ${finding}`)
      }
      await checked.cleanUp?.()
      if (tally.runs % PROGRESS_EVERY === 0 || Date.now() - tally.lastProgressAt > PROGRESS_MINUTES * 60_000) {
        tally.lastProgressAt = Date.now()
        progress(entry.name, tally)
      }
    }
  } catch (error) {
    tally.error ??= firstLine(error)
    wrong = true
  } finally {
    await host?.stop().catch(() => undefined)
  }
  tally.corrupt += corruptHere
  if (wrong) tally.kept.push(keep(dataDir, 'at-the-end'))
  fs.rmSync(dataDir, { recursive: true, force: true })
}

/**
 * bench/lib/host.mjs gives a host 60 s to print its address, then kills it with SIGKILL. On a
 * machine loaded past that, the slow start is one more kill (during recovery, which must
 * survive it as well) and the host is started again, at most START_ATTEMPTS times in a row; a
 * host that cannot start at all still fails the case. The killed one may still hold the lock
 * for an instant, hence the second kind of error after a timeout.
 */
async function startPatiently(startHost, dataDir, tally) {
  let timedOut = false
  for (let attempt = 1; ; attempt++) {
    try {
      return await startHost(dataDir)
    } catch (error) {
      const message = String(error?.message ?? error)
      const again = /did not start within/.test(message) || (timedOut && /already using/.test(message))
      if (!again || attempt >= START_ATTEMPTS) throw error
      timedOut = true
      tally.slowStarts++
    }
  }
}

/** A copy of the folder outside the run's scratch folder, which is removed at the end: the evidence stays. */
function keep(dataDir, moment) {
  const kept = path.join(os.tmpdir(), `dossier-torture-kept-${path.basename(dataDir)}-${moment}-${Date.now()}`)
  fs.cpSync(dataDir, kept, { recursive: true })
  return kept
}

function progress(name, tally, of) {
  const each = (ms) => `${(ms / Math.max(1, tally.runs) / 1000).toFixed(1)} s`
  const { operation, start, check } = tally.ms
  console.error(
    `kills: ${name}: ${tally.runs}${of ? ` of ${of}` : ''} done, lost ${tally.lost}, half-applied ${tally.half};` +
      ` ${each(operation + start + check)} a kill (operation and kill ${each(operation)},` +
      ` host start ${each(start)}, checks ${each(check)}); starts over 60 s killed and retried: ${tally.slowStarts}`
  )
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0]
}

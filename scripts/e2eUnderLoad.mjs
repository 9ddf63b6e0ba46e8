/**
 * `npm run test:stress`: the end-to-end suite while busy processes keep every core loaded,
 * as on a shared CI machine where other jobs run beside ours. A suite that only passes on an
 * idle machine blocks every submission the day CI is busy, so this is how we check it holds.
 *
 * What it does: starts BUSY_PROCESSES (default 2) Node processes that spin on the CPU, runs
 * `playwright test` RUNS times (default 1; `--runs 3` for the three-in-a-row check) with CI=1
 * so Playwright uses the CI worker count, prints one line per run, and stops the busy
 * processes. They also stop on their own after BUSY_CEILING_MS, and when this script dies
 * (their IPC channel closes), so nothing keeps spinning after a crash. Expects a built app
 * (`npm run build`), as `npm test` does before its e2e step.
 */
import { spawn } from 'node:child_process'

const runsFlag = process.argv.indexOf('--runs')
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 1
const BUSY_PROCESSES = Number(process.env.DOSSIER_STRESS_BUSY) || 2
/** Longer than three suite runs under load; a bound, not a duration. */
const BUSY_CEILING_MS = 90 * 60_000

const SPIN = `
  const until = Date.now() + ${BUSY_CEILING_MS}
  process.on('disconnect', () => process.exit(0))
  const spin = () => { const stop = Date.now() + 50; while (Date.now() < stop) {} Date.now() < until ? setImmediate(spin) : process.exit(0) }
  spin()
`

const busy = Array.from({ length: BUSY_PROCESSES }, () =>
  spawn(process.execPath, ['-e', SPIN], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
)
const stopBusy = () => busy.forEach((child) => child.kill('SIGKILL'))
process.on('exit', stopBusy)
process.on('SIGINT', () => process.exit(130))
process.on('SIGTERM', () => process.exit(143))

function runSuite() {
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      [
        'playwright',
        'test',
        ...process.argv.slice(2).filter((arg, i, all) => arg !== '--runs' && all[i - 1] !== '--runs')
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, CI: '1' }
      }
    )
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

const results = []
for (let run = 1; run <= RUNS; run += 1) {
  const started = Date.now()
  const code = await runSuite()
  results.push(code)
  console.log(
    `stress run ${run}/${RUNS} with ${BUSY_PROCESSES} busy processes: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - started) / 1000)} s`
  )
}
stopBusy()
process.exit(results.every((code) => code === 0) ? 0 : 1)

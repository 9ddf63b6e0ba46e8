/**
 * Starts Dossier for one test on a fresh data folder, in browser mode (the loopback host
 * driven by Debian's Chromium) or in Electron, and lets the test restart it on the same
 * folder. Every request the page makes is recorded, so tests can prove nothing left the machine.
 */
import {
  test as base,
  expect,
  _electron,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page
} from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { findElectronRuntime } from '../../src/main/electronRuntime'
import { findChromium } from './chromium'

export const projectRoot = path.resolve(__dirname, '..', '..')
/**
 * DOSSIER_E2E_HOST runs the host of another build (`npx electron-vite build --outDir <abs dir>`), so that two
 * people working in one checkout can each test their own build without overwriting `out/` under the other.
 */
const hostEntry = process.env.DOSSIER_E2E_HOST ?? path.join(projectRoot, 'out', 'main', 'host.js')

export interface DossierOptions {
  dossierMode: 'browser' | 'electron'
}

export interface DossierApp {
  mode: DossierOptions['dossierMode']
  page: Page
  dataDir: string
  /** Browser mode only: where the host listens and the token it requires. */
  origin: string | null
  token: string | null
  /** Every URL the page requested since the app started. */
  requests: string[]
  restart(): Promise<void>
}

export interface StartedHost {
  process: ChildProcess
  url: string
  origin: string
  token: string
  output: () => string
}

/**
 * How long a host may take to print its address. It is a ceiling, not a wait: the fixture
 * goes on the moment the ready line appears. On a 2-core machine that other jobs keep at a
 * load of 10, opening the data folder took over 15 s, so the ceiling is generous.
 */
const HOST_READY_CEILING_MS = 90_000
/** A host that ignores SIGTERM this long (stuck on a write) is killed, so no test leaves one behind. */
const HOST_STOP_CEILING_MS = 15_000

/** Every host this worker started and has not seen exit: killed when the worker goes, whatever happened. */
const liveHosts = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of liveHosts) child.kill('SIGKILL')
})

/** Starts the browser-mode host as `npm start` would, and waits for the address it prints. */
export async function startHost(dataDir: string): Promise<StartedHost> {
  // The IPC channel ties the host's life to this process: the host stops when it closes,
  // even if this worker is killed outright (see --exit-with-parent in src/main/host.ts).
  const child = spawn(process.execPath, [hostEntry, '--data-dir', dataDir, '--exit-with-parent'], {
    cwd: projectRoot,
    env: { ...process.env, DOSSIER_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  liveHosts.add(child)
  child.once('exit', () => liveHosts.delete(child))
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`host printed no address within ${HOST_READY_CEILING_MS / 1000} s:\n${output}`))
    }, HOST_READY_CEILING_MS)
    const check = (): void => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    process: child,
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    output: () => output
  }
}

/** Asks the host to stop as Ctrl+C would (it finishes its writes), and kills it if it will not. */
export async function stopHost(host: StartedHost): Promise<void> {
  const child = host.process
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), HOST_STOP_CEILING_MS)
  await exited
  clearTimeout(timer)
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export const test = base.extend<{ dossier: DossierApp }, DossierOptions & { chromiumBrowser: Browser | null }>({
  dossierMode: ['browser', { option: true, scope: 'worker' }],

  chromiumBrowser: [
    async ({ dossierMode }, use) => {
      if (dossierMode !== 'browser') return use(null)
      const found = findChromium()
      if (!found.found) throw new Error(found.message)
      const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],

  // The system locale of the computer the analyst uses (Playwright's `locale` option): the
  // interface follows it until a language is chosen in Settings. English by default, so the
  // specs read English names; a spec that reads French says `test.use({ locale: 'fr-FR' })`.
  dossier: async ({ dossierMode, chromiumBrowser, locale }, use, testInfo) => {
    const dataDir = testInfo.outputPath('data')
    const requests: string[] = []
    const record = (page: Page): void => {
      page.on('request', (request) => void requests.push(request.url()))
    }

    if (dossierMode === 'browser') {
      if (!chromiumBrowser) throw new Error('browser mode needs Chromium')
      const context = await chromiumBrowser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: locale ?? 'en-US',
        permissions: ['clipboard-read', 'clipboard-write']
      })
      const page = await context.newPage()
      record(page)
      let host = await startHost(dataDir)
      const app: DossierApp = {
        mode: 'browser',
        page,
        dataDir,
        origin: host.origin,
        token: host.token,
        requests,
        async restart() {
          await stopHost(host)
          host = await startHost(dataDir)
          app.origin = host.origin
          app.token = host.token
          await page.goto(host.url)
        }
      }
      try {
        await page.goto(host.url)
        await use(app)
      } finally {
        // Stopped whatever the test did, timeouts included: a host left running holds its
        // port, its data folder and a share of the cores that the next test needs.
        await stopHost(host)
        await context.close()
      }
      return
    }

    const runtime = findElectronRuntime(projectRoot)
    if (!runtime.found) {
      const noElectronRuntime = `Electron e2e needs the Electron runtime, and ${runtime.reason}; browser mode covers the same specs`
      test.skip(true, noElectronRuntime)
      return
    }
    const launch = async (): Promise<{ electronApp: ElectronApplication; page: Page }> => {
      const electronApp = await _electron.launch({
        executablePath: runtime.executable,
        args: [projectRoot],
        cwd: projectRoot,
        env: { ...process.env, DOSSIER_DATA_DIR: dataDir }
      })
      const page = await electronApp.firstWindow()
      record(page)
      return { electronApp, page }
    }
    let current = await launch()
    const app: DossierApp = {
      mode: 'electron',
      page: current.page,
      dataDir,
      origin: null,
      token: null,
      requests,
      async restart() {
        await current.electronApp.close()
        current = await launch()
        app.page = current.page
      }
    }
    try {
      await use(app)
    } finally {
      await current.electronApp.close()
    }
  }
})

export { expect }

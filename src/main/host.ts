/**
 * Entry point of browser mode: opens the data folder, starts the loopback host and
 * prints the one address the user needs. Runs under plain Node; imports no Electron.
 */
import { startBrowserHost } from './host/browserHost'
import { appPaths, SAMPLE_ARTICLE_LANGUAGE } from './appPaths'
import { resolveDataDir } from './services/dataDir'
import { openDossier } from './services/dossier'
import { simulatedWriteFailure, startupFailureMessage } from './services/startup'

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

async function main(): Promise<void> {
  const paths = appPaths(__dirname)
  const dataDir = argument('data-dir') ?? resolveDataDir()
  const port = Number(argument('port') ?? process.env.DOSSIER_PORT ?? 0)
  const dossier = await openDossier({
    dataDir,
    mode: 'browser',
    // DOSSIER_IMPORT_WORKER=off imports on the serving thread: only the import benchmark's baseline wants that.
    importWorker: process.env.DOSSIER_IMPORT_WORKER === 'off' ? undefined : paths.importWorker,
    sampleArticle: { path: paths.sampleArticle, language: SAMPLE_ARTICLE_LANGUAGE },
    // Test seam: DOSSIER_SIMULATE_WRITE_FAILURE=ENOSPC (or EROFS, EACCES) starts as if the data
    // folder could not be written, in read-only mode, without filling a disk. Read here only.
    writeProbe: simulatedWriteFailure(process.env.DOSSIER_SIMULATE_WRITE_FAILURE) ?? undefined
  })
  const host = await startBrowserHost({ handlers: dossier.handlers, rendererDir: paths.rendererDir, port })
  // Before the address, on the same stream: whoever reads the address has read this too.
  if (dossier.readOnly) console.log(dossier.readOnly)
  console.log(`Dossier is running in browser mode. Open ${host.url}`)
  console.log(`Data folder: ${dossier.dataDir} (set DOSSIER_DATA_DIR to use another). Press Ctrl+C to stop.`)

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void host
      .close()
      .then(() => dossier.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Started by a launcher or a test with an IPC channel: when that process goes, even by
  // SIGKILL, the channel closes and the host stops too, instead of holding the port and the
  // data folder's lock for nobody.
  if (process.argv.includes('--exit-with-parent') && process.channel) {
    process.on('disconnect', stop)
    process.channel.unref()
  }
}

main().catch((error: unknown) => {
  // One line naming the file and the reason, never a stack trace (DOSSIER_DEBUG=1 adds it).
  console.error(startupFailureMessage(error))
  if (process.env.DOSSIER_DEBUG === '1') console.error(error)
  process.exit(1)
})

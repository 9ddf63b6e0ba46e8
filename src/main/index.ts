/**
 * Entry point of the desktop app: a thin Electron shell over the same services that
 * browser mode serves. Everything here is glue; behaviour lives in ./services.
 */
import { app, type BrowserWindow, dialog, ipcMain } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { appPaths, SAMPLE_ARTICLE_LANGUAGE } from './appPaths'
import { registerApiIpc, senderCheckFor } from './electron/ipc'
import { printHtmlToPdf } from './electron/printToPdf'
import { createMainWindow, lockDownSession, lockDownWebContents } from './electron/window'
import { resolveDataDir } from './services/dataDir'
import { openDossier, type Dossier } from './services/dossier'
import { errorMessage } from '../shared/errorMessage'

const paths = appPaths(__dirname)
const dataDir = resolveDataDir()
// Keep Chromium's own profile files with the data when a folder is chosen, so test runs stay apart.
if (process.env.DOSSIER_DATA_DIR) app.setPath('userData', path.join(dataDir, 'electron-profile'))

let mainWindow: BrowserWindow | null = null
let dossier: Dossier | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    void dossier?.close()
  })
  app.whenReady().then(start, (error: unknown) => fail(error))
}

async function start(): Promise<void> {
  try {
    dossier = await openDossier({
      dataDir,
      mode: 'electron',
      printToPdf: printHtmlToPdf,
      importWorker: paths.importWorker,
      sampleArticle: { path: paths.sampleArticle, language: SAMPLE_ARTICLE_LANGUAGE }
    })
  } catch (error) {
    fail(error)
    return
  }
  lockDownSession()
  const rendererIndex = path.join(paths.rendererDir, 'index.html')
  registerApiIpc(
    ipcMain,
    dossier.handlers,
    senderCheckFor(() => mainWindow?.webContents.id ?? null, pathToFileURL(rendererIndex).href)
  )
  mainWindow = createMainWindow(paths.preload)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  await mainWindow.loadFile(rendererIndex)
}

function fail(error: unknown): void {
  const message = errorMessage(error)
  dialog.showErrorBox('Dossier could not start', message)
  app.exit(1)
}

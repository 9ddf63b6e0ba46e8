/**
 * PDF export in the desktop app: the briefing's print-ready HTML export, printed by
 * Chromium in a hidden window. The window gets its own in-memory session, so the app's
 * CSP (which forbids the export's inline stylesheet) is not imposed on it and nothing it
 * might reference can be fetched: only the data: URL holding the document loads, and
 * scripts are off.
 */
import { BrowserWindow, session } from 'electron'
import type { BriefingPaper } from '../../shared/briefing/spec'

const PRINT_PARTITION = 'dossier-print'

export async function printHtmlToPdf(html: string, paper: BriefingPaper): Promise<Uint8Array> {
  const printSession = session.fromPartition(PRINT_PARTITION)
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    }
  })
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      pageSize: paper === 'letter' ? 'Letter' : 'A4'
    })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
  }
}

/**
 * The one Dossier window and the rules that keep it a closed room: isolated and
 * sandboxed renderer, no Node in the page, the app's CSP on every response, no
 * navigation, no new windows, no permissions, no requests leaving the app; links open
 * in the system browser only when they are http(s) and the user clicked them.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { isWebLink } from '../../shared/links/isWebLink'
import { CONTENT_SECURITY_POLICY } from '../host/contentSecurityPolicy'

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Dossier',
    backgroundColor: '#f7f4ee',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload }
  })
}

/** Which window-open requests go to the system browser: the same test the renderer applies to article links. */
export const isExternalWebLink: (url: string) => boolean = isWebLink

/** Applies the window rules to every web contents the app ever creates. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  // Subframes do not fire will-navigate; the CSP forbids frames, and this closes the door twice.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // A click on a link asks for a new window: the page never gets one; http(s) links go to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Session-wide rules: CSP on every response, nothing fetched from outside the app, no permissions. */
export function lockDownSession(): void {
  const defaultSession = session.defaultSession
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(file|devtools|data|blob):/.test(details.url)
    callback({ cancel: !allowed })
  })
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  defaultSession.setPermissionCheckHandler(() => false)
}

// Protects the Electron window's lock-down: secure webPreferences, CSP on every response, no outside requests, no navigation, no permissions, only http(s) links leave.
import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, isExternalWebLink, lockDownSession, lockDownWebContents } from './window'

type Headers = Record<string, string[]>
type HeadersListener = (
  details: { url: string; responseHeaders?: Headers },
  callback: (response: { responseHeaders?: Headers }) => void
) => void
type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

const fake = vi.hoisted(() => {
  const captured = {
    windowOptions: [] as unknown[],
    headersListener: undefined as HeadersListener | undefined,
    requestListener: undefined as RequestListener | undefined,
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as PermissionCheckHandler | undefined
  }
  class BrowserWindow {
    constructor(readonly options: unknown) {
      captured.windowOptions.push(options)
    }
  }
  const defaultSession = {
    webRequest: {
      onHeadersReceived: vi.fn((listener: HeadersListener) => {
        captured.headersListener = listener
      }),
      onBeforeRequest: vi.fn((listener: RequestListener) => {
        captured.requestListener = listener
      })
    },
    setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler) => {
      captured.permissionRequestHandler = handler
    }),
    setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler) => {
      captured.permissionCheckHandler = handler
    })
  }
  const openExternal = vi.fn((_url: string) => Promise.resolve())
  return { captured, BrowserWindow, defaultSession, openExternal }
})

// Never the real package: requiring it downloads the Electron binary.
vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  session: { defaultSession: fake.defaultSession },
  shell: { openExternal: fake.openExternal }
}))

/**
 * The policy every response must carry, written out: nothing loads from outside the app,
 * no frames, forms or plugins. Changing the app's CSP means changing this line on purpose.
 */
const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'; " +
  "object-src 'none'; worker-src 'self'"

beforeEach(() => {
  fake.captured.windowOptions.length = 0
  fake.captured.headersListener = undefined
  fake.captured.requestListener = undefined
  fake.captured.permissionRequestHandler = undefined
  fake.captured.permissionCheckHandler = undefined
  fake.openExternal.mockClear()
})

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not registered`)
  return value
}

describe('createMainWindow', () => {
  it('creates one window with an isolated, sandboxed, Node-free renderer and the given preload', () => {
    const preload = '/opt/Dossier/resources/app.asar/out/preload/index.js'

    const window = createMainWindow(preload)

    expect(window).toBeInstanceOf(fake.BrowserWindow)
    expect(fake.captured.windowOptions).toHaveLength(1)
    const options = fake.captured.windowOptions[0] as { webPreferences: Record<string, unknown>; show?: boolean }
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload
    })
    expect(options.show).toBe(false)
  })
})

describe('lockDownSession', () => {
  function headersFor(details: { url: string; responseHeaders?: Headers }): Headers | undefined {
    lockDownSession()
    const listener = defined(fake.captured.headersListener, 'onHeadersReceived')
    const callback = vi.fn()
    listener(details, callback)
    expect(callback).toHaveBeenCalledTimes(1)
    return (callback.mock.calls[0]?.[0] as { responseHeaders?: Headers }).responseHeaders
  }

  it("adds the app's CSP to a response and keeps its other headers", () => {
    const headers = headersFor({
      url: 'file:///opt/Dossier/out/renderer/index.html',
      responseHeaders: { 'Content-Type': ['text/html'] }
    })

    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [APP_CSP]
    })
  })

  it('adds the CSP to a response that had no headers at all', () => {
    const headers = headersFor({ url: 'file:///opt/Dossier/out/renderer/assets/app.js' })

    expect(headers).toEqual({ 'Content-Security-Policy': [APP_CSP] })
  })

  it("replaces a response's own Content-Security-Policy with the app's", () => {
    const headers = headersFor({
      url: 'file:///opt/Dossier/out/renderer/index.html',
      responseHeaders: { 'Content-Security-Policy': ["default-src *; script-src * 'unsafe-inline'"] }
    })

    expect(headers?.['Content-Security-Policy']).toEqual([APP_CSP])
  })

  it.each([
    'http://example.org/',
    'https://example.org/tracker.js',
    'ws://example.org/socket',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'http://localhost:5173/',
    'https://127.0.0.1/'
  ])('cancels a request to %s', (url) => {
    lockDownSession()
    const listener = defined(fake.captured.requestListener, 'onBeforeRequest')
    const callback = vi.fn()

    listener({ url }, callback)

    expect(callback).toHaveBeenCalledWith({ cancel: true })
  })

  it.each([
    'file:///opt/Dossier/out/renderer/index.html',
    'file:///opt/Dossier/out/renderer/assets/inter.woff2',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:file:///3f1c0a4e-0000-4000-8000-000000000000'
  ])('lets a request to %s through', (url) => {
    lockDownSession()
    const listener = defined(fake.captured.requestListener, 'onBeforeRequest')
    const callback = vi.fn()

    listener({ url }, callback)

    expect(callback).toHaveBeenCalledWith({ cancel: false })
  })

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'refuses a request for the %s permission',
    (permission) => {
      lockDownSession()
      const handler = defined(fake.captured.permissionRequestHandler, 'setPermissionRequestHandler')
      const callback = vi.fn()

      handler({}, permission, callback)

      expect(callback).toHaveBeenCalledTimes(1)
      expect(callback).toHaveBeenCalledWith(false)
    }
  )

  it('answers every permission check with false', () => {
    lockDownSession()
    const handler = defined(fake.captured.permissionCheckHandler, 'setPermissionCheckHandler')

    expect(handler(null, 'media', 'file:///')).toBe(false)
    expect(handler({}, 'clipboard-sanitized-write', 'file:///')).toBe(false)
  })
})

describe('lockDownWebContents', () => {
  function lockedDown() {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    lockDownWebContents(contents as unknown as WebContents)
    const listenerFor = (eventName: string) => {
      const call = contents.on.mock.calls.find(([name]) => name === eventName)
      if (!call) throw new Error(`no listener for ${eventName}`)
      return call[1] as (event: { preventDefault: () => void }, ...rest: unknown[]) => void
    }
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1)
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as WindowOpenHandler
    return { listenerFor, openHandler }
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (eventName) => {
    const { listenerFor } = lockedDown()
    const event = { preventDefault: vi.fn() }

    listenerFor(eventName)(event, 'https://evil.example/')

    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it.each(['https://example.org', 'https://example.org/article?id=1#p2', 'http://example.org/page'])(
    'denies a new window for %s and opens it in the system browser',
    (url) => {
      const { openHandler } = lockedDown()

      expect(openHandler({ url })).toEqual({ action: 'deny' })
      expect(fake.openExternal).toHaveBeenCalledTimes(1)
      expect(fake.openExternal).toHaveBeenCalledWith(url)
    }
  )

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.org',
    'ftp://example.org/file',
    'not a url',
    '//example.org/protocol-relative',
    ''
  ])('denies a new window for %j and does not open it anywhere', (url) => {
    const { openHandler } = lockedDown()

    expect(openHandler({ url })).toEqual({ action: 'deny' })
    expect(fake.openExternal).not.toHaveBeenCalled()
  })
})

describe('isExternalWebLink', () => {
  it.each<[string, boolean]>([
    ['https://example.org', true],
    ['http://example.org/a?b=c#d', true],
    ['HTTPS://EXAMPLE.ORG/', true],
    ['https://user@example.org:8443/', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['blob:file:///3f1c0a4e', false],
    ['mailto:someone@example.org', false],
    ['ftp://example.org/', false],
    ['ws://example.org/', false],
    ['about:blank', false],
    ['//example.org/', false],
    ['example.org', false],
    ['http//example.org', false],
    ['not a url', false],
    ['', false]
  ])('%j → %s', (url, expected) => {
    expect(isExternalWebLink(url)).toBe(expected)
  })
})

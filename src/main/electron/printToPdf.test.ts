// The desktop PDF export's glue, with Electron mocked: a hidden window with scripts off,
// its own session letting nothing but the document load, the paper passed on, and the
// window destroyed even when printing fails.
import { beforeEach, describe, expect, it, vi } from 'vitest'

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void

const fake = vi.hoisted(() => {
  const state = {
    options: [] as Record<string, unknown>[],
    loaded: [] as string[],
    printed: [] as Record<string, unknown>[],
    destroyed: 0,
    failPrint: false,
    failLoad: false,
    requestListener: undefined as RequestListener | undefined,
    partitions: [] as string[]
  }
  const printSession = {
    webRequest: {
      onBeforeRequest: (listener: RequestListener) => {
        state.requestListener = listener
      }
    }
  }
  class BrowserWindow {
    webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        state.printed.push(options)
        if (state.failPrint) throw new Error('printer on fire')
        return Buffer.from('%PDF-1.7')
      }
    }
    constructor(options: Record<string, unknown>) {
      state.options.push(options)
    }
    async loadURL(url: string) {
      state.loaded.push(url)
      if (state.failLoad) throw new Error('ERR_INVALID_URL')
    }
    destroy() {
      state.destroyed++
    }
  }
  return {
    state,
    module: {
      BrowserWindow,
      session: {
        fromPartition: (name: string) => {
          state.partitions.push(name)
          return printSession
        }
      }
    }
  }
})

vi.mock('electron', () => fake.module)

const { printHtmlToPdf } = await import('./printToPdf')

beforeEach(() => {
  Object.assign(fake.state, {
    options: [],
    loaded: [],
    printed: [],
    destroyed: 0,
    failPrint: false,
    failLoad: false,
    partitions: []
  })
})

describe('printHtmlToPdf', () => {
  it('prints the document in a hidden, script-less window with its own session', async () => {
    const pdf = await printHtmlToPdf('<!doctype html><p>« Sécurité »</p>', 'letter')
    // Electron hands back a Buffer; the exporter contract wants a plain Uint8Array.
    expect(Object.getPrototypeOf(pdf)).toBe(Uint8Array.prototype)
    const options = fake.state.options[0] as { show: boolean; webPreferences: Record<string, unknown> }
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true })
    expect(fake.state.partitions).toEqual(['dossier-print'])
    expect(decodeURIComponent(fake.state.loaded[0]!.replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(
      '<!doctype html><p>« Sécurité »</p>'
    )
    expect(fake.state.printed[0]).toMatchObject({ pageSize: 'Letter', preferCSSPageSize: true, printBackground: true })
    expect(fake.state.destroyed).toBe(1)
  })

  it('lets only the document itself load', async () => {
    await printHtmlToPdf('<p>x</p>', 'a4')
    const decide = (url: string) => {
      let cancel: boolean | undefined
      fake.state.requestListener!({ url }, (response) => (cancel = response.cancel))
      return cancel
    }
    expect(decide('data:text/html,x')).toBe(false)
    expect(decide('https://example.org/tracker.png')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
    expect(fake.state.printed[0]).toMatchObject({ pageSize: 'A4' })
  })

  it.each<['a4' | 'letter', string]>([
    ['a4', 'A4'],
    ['letter', 'Letter']
  ])('prints on %s paper as Chromium page size %s', async (paper, pageSize) => {
    await printHtmlToPdf('<p>x</p>', paper)
    expect(fake.state.printed).toEqual([{ printBackground: true, preferCSSPageSize: true, pageSize }])
  })

  it('never prints, and destroys the window, when the document fails to load', async () => {
    fake.state.failLoad = true
    await expect(printHtmlToPdf('<p>x</p>', 'a4')).rejects.toThrow('ERR_INVALID_URL')
    expect(fake.state.printed).toEqual([])
    expect(fake.state.destroyed).toBe(1)
  })

  it('destroys the window when printing fails', async () => {
    fake.state.failPrint = true
    await expect(printHtmlToPdf('<p>x</p>', 'a4')).rejects.toThrow('printer on fire')
    expect(fake.state.destroyed).toBe(1)
  })
})

// Protects the Electron IPC boundary: only the app's own top frame reaches the services, and only with valid input.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { newBriefing } from '../../shared/briefing/spec'
import type { Note } from '../../shared/domain/note'
import { apiContract, type ApiHandlers } from '../../shared/api/contract'
import { ServiceError } from '../../shared/api/dispatch'
import { API_METHODS, type ApiMethod } from '../../shared/api/methods'
import { registerApiIpc, senderCheckFor, type SenderCheck } from './ipc'

// ipc.ts only imports types from electron; this keeps the real package (and its binary download) out for good.
vi.mock('electron', () => ({}))

const RENDERER_URL = 'file:///opt/Dossier/resources/app.asar/out/renderer/index.html'
const WINDOW_CONTENTS_ID = 7
const UNAUTHORIZED = {
  ok: false,
  error: { code: 'unauthorized', message: 'This call did not come from the Dossier window.' }
}

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  const handle = vi.fn((channel: string, listener: Listener) => {
    listeners.set(channel, listener)
  })
  return { ipcMain: { handle } as unknown as Pick<IpcMain, 'handle'>, handle, listeners }
}

function fakeEvent(senderId: number, frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

function topFrameEvent(url = RENDERER_URL, senderId = WINDOW_CONTENTS_ID): IpcMainInvokeEvent {
  return fakeEvent(senderId, { url, parent: null })
}

const note: Note = {
  id: 'n1',
  articleId: 'a1',
  anchor: {
    quote: { type: 'TextQuoteSelector', exact: 'Hello', prefix: '', suffix: ' world' },
    position: { type: 'TextPositionSelector', start: 0, end: 5 }
  },
  text: '',
  tagIds: [],
  color: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z'
}

const briefing = newBriefing('b1', new Date('2024-01-01T00:00:00.000Z'), 'Maroc–Israël')

/** A valid input for every method: each must reach its service exactly as the contract parses it. */
const validInputs: Record<ApiMethod, unknown> = {
  listArticles: {},
  listTrash: {},
  openArticle: { articleId: 'a1' },
  openArticleStart: { articleId: 'a1' },
  readArticleBlocks: { articleId: 'a1', from: 1, revision: 'r1' },
  importFile: { name: 'a.txt', bytes: new Uint8Array([72, 105]) },
  importPaste: { text: 'Hello world' },
  updateArticleMeta: { articleId: 'a1', changes: { outlet: 'Le Monde' } },
  updateArticleBody: { articleId: 'a1', blocks: [{ type: 'paragraph', text: 'Hello there world' }] },
  replaceArticleText: { articleId: 'a1', name: 'a.txt', bytes: new Uint8Array([72, 105]) },
  trashArticle: { articleId: 'a1' },
  restoreArticle: { articleId: 'a1' },
  emptyTrash: {},
  listTags: {},
  createTag: { path: 'Acteurs/Israël', color: '#2563eb' },
  renameTag: { tagId: 't1', path: 'Protagonistes/Israël' },
  recolorTag: { tagId: 't1', color: '#123456' },
  describeTag: { tagId: 't1', description: 'Acteurs étatiques israéliens' },
  deleteTag: { tagId: 't1' },
  restoreTag: { tag: { id: 't1', path: 'Acteurs/Israël', color: null, description: '' }, tagged: [] },
  mergeTags: { fromId: 't1', intoId: 't2' },
  undoMergeTags: { changes: { tags: [], notes: [] } },
  renameTagBranch: { path: 'Acteurs', newPath: 'Protagonistes' },
  recolorTags: { colors: [{ tagId: 't1', color: '#123456' }] },
  mergeTagBranch: { path: 'Acteurs', intoId: 't2' },
  listPinnedTags: {},
  setPinnedTags: { tagIds: ['t1'] },
  tagUsage: {},
  setNoteTags: { articleId: 'a1', noteId: 'n1', tagIds: ['t1'] },
  listNotes: { articleId: 'a1' },
  createNote: { articleId: 'a1', range: { start: 0, end: 5 }, expectedQuote: 'Hello' },
  updateNote: { articleId: 'a1', noteId: 'n1', changes: { text: 'Why it matters' } },
  setNoteColor: { articleId: 'a1', noteId: 'n1', color: '#2563eb' },
  reattachNote: { articleId: 'a1', noteId: 'n1', range: { start: 6, end: 11 }, expectedQuote: 'world' },
  deleteNote: { articleId: 'a1', noteId: 'n1' },
  restoreNote: { note },
  listArticleNotes: { articleId: 'a1' },
  createArticleNote: { articleId: 'a1', text: 'Source fiable' },
  updateArticleNote: { articleId: 'a1', noteId: 'n2', changes: { text: 'Source peu fiable' } },
  setArticleNoteTags: { articleId: 'a1', noteId: 'n2', tagIds: ['t1'] },
  deleteArticleNote: { articleId: 'a1', noteId: 'n2' },
  restoreArticleNote: {
    note: {
      kind: 'article',
      id: 'n2',
      articleId: 'a1',
      text: 'Source fiable',
      tagIds: [],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z'
    }
  },
  search: { query: 'tag:"Acteurs/Israël" armée', limit: 20 },
  queryNotes: {
    tagIds: ['t1'],
    tagMode: 'any',
    untagged: false,
    articleIds: [],
    colors: ['#2563eb'],
    states: ['anchored', 'moved'],
    from: '2024-01-01',
    to: null,
    text: 'armée',
    sort: 'date-desc',
    offset: 0,
    limit: 50
  },
  bulkUpdateNotes: { notes: [{ articleId: 'a1', noteId: 'n1' }], addTagIds: ['t1'], color: '#2563eb' },
  restoreNoteFields: { fields: [{ articleId: 'a1', noteId: 'n1', tagIds: [], color: null }] },
  listNotices: {},
  dismissNotice: { noticeId: 'x1' },
  listBriefings: {},
  getBriefing: { briefingId: 'b1' },
  createBriefing: { title: 'Maroc–Israël', filter: { tagIds: ['t1'], tagMode: 'all' }, includedNoteIds: ['n1'] },
  updateBriefing: { briefingId: 'b1', changes: { frontMatter: { subtitle: 'Revue de presse' }, quoteLimit: 280 } },
  duplicateBriefing: { briefingId: 'b1' },
  deleteBriefing: { briefingId: 'b1' },
  restoreBriefing: { briefing },
  composeBriefing: { briefingId: 'b1' },
  previewBriefing: { briefingId: 'b1', paper: 'a4' },
  exportBriefing: { briefingId: 'b1', format: 'markdown', paper: 'letter' },
  listCitationStyles: {},
  addCitationStyle: { fileName: 'apa.csl', content: '<style xmlns="http://purl.org/net/xbiblio/csl"/>' },
  exportBibliography: { format: 'bibtex', articleIds: ['a1'] },
  readReferenceFile: { name: 'refs.bib', text: '@article{k, title = {T}}' },
  getPreferences: {},
  setPreferences: { interfaceLanguage: 'fr' }
}

/** Every contract method as a spy; what it resolves to is irrelevant except where a test says so. */
function fakeHandlers() {
  return Object.fromEntries(API_METHODS.map((method) => [method, vi.fn(async () => undefined)])) as unknown as {
    [M in ApiMethod]: ReturnType<typeof vi.fn> & ApiHandlers[M]
  }
}

function setUp(isTrusted: SenderCheck = () => true) {
  const { ipcMain, handle, listeners } = fakeIpcMain()
  const handlers = fakeHandlers()
  registerApiIpc(ipcMain, handlers, isTrusted)
  const call = (method: string, input: unknown, event: IpcMainInvokeEvent = topFrameEvent()) => {
    const listener = listeners.get(`dossier:${method}`)
    if (!listener) throw new Error(`no IPC listener for ${method}`)
    return listener(event, input)
  }
  return { handle, listeners, handlers, call }
}

function expectNoHandlerCalled(handlers: ReturnType<typeof fakeHandlers>): void {
  for (const method of API_METHODS) expect(handlers[method]).not.toHaveBeenCalled()
}

describe('registerApiIpc', () => {
  it('registers exactly one dossier:<method> channel per contract method and nothing else', () => {
    const { handle, listeners } = setUp()

    const expected = API_METHODS.map((method) => `dossier:${method}`)
    expect(handle).toHaveBeenCalledTimes(expected.length)
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...expected].sort())
    expect([...listeners.keys()].sort()).toEqual(
      Object.keys(apiContract)
        .map((m) => `dossier:${m}`)
        .sort()
    )
  })

  it.each(API_METHODS)(
    '%s from the trusted window with valid input reaches its handler, and only it',
    async (method) => {
      const { handlers, call } = setUp()

      await call(method, validInputs[method])

      expect(handlers[method]).toHaveBeenCalledTimes(1)
      expect(handlers[method]).toHaveBeenCalledWith(validInputs[method])
      for (const other of API_METHODS.filter((m) => m !== method)) expect(handlers[other]).not.toHaveBeenCalled()
    }
  )

  it('hands the service the parsed input, not the raw one', async () => {
    const { handlers, call } = setUp()

    await call('renameTag', { tagId: 't1', path: '  Protagonistes/Israël \n' })

    expect(handlers.renameTag).toHaveBeenCalledWith({ tagId: 't1', path: 'Protagonistes/Israël' })
  })

  it("wraps the service's answer in an ok result", async () => {
    const { handlers, call } = setUp()
    handlers.trashArticle.mockResolvedValueOnce({ trashed: true })

    expect(await call('trashArticle', { articleId: 'a1' })).toEqual({ ok: true, value: { trashed: true } })
  })

  it('passes the IPC event to the sender check', async () => {
    const isTrusted = vi.fn<SenderCheck>(() => true)
    const { call } = setUp(isTrusted)
    const event = topFrameEvent()

    await call('listArticles', {}, event)

    expect(isTrusted).toHaveBeenCalledWith(event)
  })

  it.each<[ApiMethod, unknown]>([
    ['listArticles', { extra: true }],
    ['listArticles', undefined],
    ['openArticle', {}],
    ['openArticle', { articleId: '../../etc/passwd' }],
    ['openArticle', { articleId: 'a1', extra: 1 }],
    ['listNotes', { articleId: 42 }],
    ['replaceArticleText', { name: 'a.txt', bytes: new Uint8Array([72]) }],
    ['replaceArticleText', { articleId: 'a1', name: '', bytes: new Uint8Array([72]) }],
    ['importFile', { name: 'a.txt', dataBase64: 'SGk=' }],
    ['importFile', { name: 'a.txt', bytes: [72, 105] }],
    ['createNote', { articleId: 'a1', range: { start: 5, end: 5 }, expectedQuote: 'Hello' }],
    ['createNote', { articleId: 'a1', range: { start: -1, end: 5 }, expectedQuote: 'Hello' }],
    ['createNote', { articleId: 'a1', range: { start: 0, end: 5 }, expectedQuote: '' }],
    ['deleteNote', { articleId: 'a1' }],
    ['dismissNotice', null],
    ['dismissNotice', 'x1'],
    ['createBriefing', { title: 'x', filter: { colors: ['red'] } }],
    ['updateBriefing', { briefingId: 'b1', changes: { frontMatter: { title: '  ' } } }],
    ['updateBriefing', { briefingId: 'b1', changes: { quoteLimit: 3 } }],
    ['updateBriefing', { briefingId: 'b1', changes: { grouping: 'outlet' } }],
    ['restoreBriefing', { briefing: { ...briefing, snapshots: { n1: { articleId: 'a1' } } } }],
    ['exportBriefing', { briefingId: 'b1', format: 'odt', paper: 'a4' }],
    ['previewBriefing', { briefingId: 'b1', paper: 'a3' }],
    ['search', { query: 'x'.repeat(501) }],
    ['search', { query: 'armée', limit: 0 }],
    ['queryNotes', { tagIds: [], tagMode: 'any', sort: 'date-desc', offset: 0, limit: 50 }],
    ['bulkUpdateNotes', { notes: [], addTagIds: ['t1'] }],
    ['bulkUpdateNotes', { notes: [{ articleId: 'a1', noteId: 'n1' }], color: 'red' }],
    ['restoreNoteFields', { fields: [{ articleId: 'a1', noteId: 'n1', tagIds: [] }] }]
  ])('%s with invalid input %j is refused before the handler', async (method, input) => {
    const { handlers, call } = setUp()

    const result = await call(method, input)

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expectNoHandlerCalled(handlers)
  })

  it.each(API_METHODS)('%s from an untrusted sender is refused and the handler is not called', async (method) => {
    const { handlers, call } = setUp(() => false)

    const result = await call(method, validInputs[method])

    expect(result).toEqual(UNAUTHORIZED)
    expectNoHandlerCalled(handlers)
  })

  it('checks the sender before the input: an untrusted caller learns nothing about validation', async () => {
    const { handlers, call } = setUp(() => false)

    const result = await call('openArticle', { articleId: '../../etc/passwd' })

    expect(result).toEqual(UNAUTHORIZED)
    expectNoHandlerCalled(handlers)
  })

  it('refuses a subframe when wired to the real sender check', async () => {
    const { handlers, call } = setUp(senderCheckFor(() => WINDOW_CONTENTS_ID, RENDERER_URL))
    const subframe = fakeEvent(WINDOW_CONTENTS_ID, { url: RENDERER_URL, parent: { url: RENDERER_URL } })

    expect(await call('listArticles', {}, subframe)).toEqual(UNAUTHORIZED)
    expectNoHandlerCalled(handlers)
    await call('listArticles', {}, topFrameEvent())
    expect(handlers.listArticles).toHaveBeenCalledTimes(1)
  })

  it('turns a handler that rejects into an internal error result', async () => {
    const { handlers, call } = setUp()
    handlers.openArticle.mockRejectedValueOnce(new Error('disk on fire'))

    const result = await call('openArticle', { articleId: 'a1' })

    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'openArticle failed: disk on fire' } })
    expect(handlers.openArticle).toHaveBeenCalledTimes(1)
  })

  it('turns a handler that throws synchronously into an internal error result', async () => {
    const { handlers, call } = setUp()
    handlers.listNotices.mockImplementationOnce(() => {
      throw new TypeError('boom')
    })

    await expect(call('listNotices', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'listNotices failed: boom' }
    })
  })

  it.each<[string, string, string]>([
    ['ENOSPC', 'The disk is full: your last change was not saved.', 'storage.diskFull'],
    ['EDQUOT', 'The disk is full: your last change was not saved.', 'storage.diskFull'],
    ['EROFS', 'Dossier may not write to its data folder: your last change was not saved.', 'storage.notWritable'],
    ['EACCES', 'Dossier may not write to its data folder: your last change was not saved.', 'storage.notWritable'],
    ['EPERM', 'Dossier may not write to its data folder: your last change was not saved.', 'storage.notWritable']
  ])('turns a write failing with %s into a storage-failed result saying what happened', async (code, message, why) => {
    const { handlers, call } = setUp()
    handlers.updateNote.mockRejectedValueOnce(Object.assign(new Error(`${code}: write failed`), { code }))

    const result = await call('updateNote', validInputs.updateNote)

    expect(result).toEqual({ ok: false, error: { code: 'storage-failed', message, why: { code: why, params: {} } } })
  })

  it("keeps a ServiceError's own code", async () => {
    const { handlers, call } = setUp()
    handlers.deleteNote.mockRejectedValueOnce(new ServiceError('not-found', 'No such note.'))

    const result = await call('deleteNote', { articleId: 'a1', noteId: 'n404' })

    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No such note.' } })
  })
})

describe('senderCheckFor', () => {
  const check = senderCheckFor(() => WINDOW_CONTENTS_ID, RENDERER_URL)

  it("accepts the top frame of the app's window showing the renderer page", () => {
    expect(check(topFrameEvent())).toBe(true)
  })

  it('accepts the renderer page with a #fragment (client-side routes)', () => {
    expect(check(topFrameEvent(`${RENDERER_URL}#/articles/a1`))).toBe(true)
    expect(check(topFrameEvent(`${RENDERER_URL}#`))).toBe(true)
  })

  it('rejects a subframe, even one showing the renderer page', () => {
    expect(check(fakeEvent(WINDOW_CONTENTS_ID, { url: RENDERER_URL, parent: { url: RENDERER_URL } }))).toBe(false)
  })

  it('rejects another web contents', () => {
    expect(check(topFrameEvent(RENDERER_URL, WINDOW_CONTENTS_ID + 1))).toBe(false)
  })

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///tmp/evil/index.html',
    'file:///opt/Dossier/resources/app.asar/out/renderer/other.html',
    `${RENDERER_URL}.evil.html`,
    `${RENDERER_URL}?x=1`,
    'about:blank',
    ''
  ])('rejects a frame showing %j', (url) => {
    expect(check(topFrameEvent(url))).toBe(false)
  })

  it('rejects an event without a sender frame', () => {
    expect(check(fakeEvent(WINDOW_CONTENTS_ID, null))).toBe(false)
  })

  it('rejects everything once the window is gone', () => {
    const noWindow = senderCheckFor(() => null, RENDERER_URL)
    expect(noWindow(topFrameEvent())).toBe(false)
  })

  it('asks for the window id at call time, so it follows the window that exists now', () => {
    let currentId: number | null = null
    const live = senderCheckFor(() => currentId, RENDERER_URL)

    expect(live(topFrameEvent(RENDERER_URL, 3))).toBe(false)
    currentId = 3
    expect(live(topFrameEvent(RENDERER_URL, 3))).toBe(true)
    currentId = 4
    expect(live(topFrameEvent(RENDERER_URL, 3))).toBe(false)
    expect(live(topFrameEvent(RENDERER_URL, 4))).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../shared/api/contract'
import { ServiceError } from '../../../shared/api/dispatch'
import { API_METHODS } from '../../../shared/api/methods'
import { refuseWrites, WRITES } from './readOnlyMode'

describe('WRITES', () => {
  it('says of every API method, and of nothing else, whether it writes', () => {
    expect(Object.keys(WRITES).sort()).toEqual([...API_METHODS].sort())
  })

  it.each([
    ['createNote', true],
    ['importFile', true],
    ['importPaste', true],
    ['deleteTag', true],
    ['exportBriefing', true],
    ['listArticles', false],
    ['openArticle', false],
    ['search', false],
    ['dismissNotice', false]
  ] as const)('%s writes: %s', (method, writes) => {
    expect(WRITES[method]).toBe(writes)
  })
})

describe('refuseWrites', () => {
  const calls: string[] = []
  const handlers = {
    listArticles: async () => {
      calls.push('listArticles')
      return []
    },
    createNote: async () => {
      calls.push('createNote')
      return {}
    }
  } as unknown as ApiHandlers
  const guarded = refuseWrites(handlers, { cause: 'disk-full', dataDir: '/d' })

  it('lets reads through and refuses writes before they run, saying the change was not saved', async () => {
    expect(await guarded.listArticles({})).toEqual([])
    const refused = guarded.createNote({} as never)
    await expect(refused).rejects.toBeInstanceOf(ServiceError)
    await expect(refused).rejects.toThrow('Dossier is read-only because the disk is full: this change was not saved.')
    expect(calls).toEqual(['listArticles'])
  })
})

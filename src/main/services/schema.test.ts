import { describe, expect, it } from 'vitest'
import { NewerSchemaError, upgrade } from './schema'

const at = '2026-01-05T10:00:00.000Z'
const highlighted = {
  quote: { type: 'TextQuoteSelector', exact: 'a démarré lundi', prefix: 'Kochavi, ', suffix: ' sa visite' },
  position: { type: 'TextPositionSelector', start: 80, end: 95 }
}

describe('notes files from schema 1', () => {
  it('a moved note keeps what was highlighted beside an anchor on what it covers now', () => {
    const v1 = {
      schemaVersion: 1,
      articleId: 'a1',
      notes: [
        { id: 'n1', anchor: highlighted, anchorStatus: { state: 'moved', quote: 'a démarré mardi', checkedAt: at } },
        { id: 'n2', anchor: highlighted, anchorStatus: { state: 'orphaned', checkedAt: at } },
        { id: 'n3', anchor: highlighted }
      ]
    }
    expect(upgrade('notes/a1.json', v1)).toEqual({
      schemaVersion: 2,
      articleId: 'a1',
      notes: [
        {
          id: 'n1',
          highlighted,
          anchor: {
            quote: { type: 'TextQuoteSelector', exact: 'a démarré mardi', prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 80, end: 95 }
          },
          anchorStatus: { state: 'moved', checkedAt: at }
        },
        { id: 'n2', anchor: highlighted, anchorStatus: { state: 'orphaned', checkedAt: at } },
        { id: 'n3', anchor: highlighted }
      ]
    })
  })
})

describe('upgrade', () => {
  it('stamps a file from before versioning with the current version, changing nothing else', () => {
    expect(upgrade('library.json', { articles: [] })).toEqual({ articles: [], schemaVersion: 2 })
  })

  it('refuses a file from a newer Dossier', () => {
    expect(() => upgrade('library.json', { schemaVersion: 3, articles: [] })).toThrow(NewerSchemaError)
  })

  it.each([null, [], 'text', 4])('hands %j back as it is, for validation to call damaged', (raw) => {
    expect(upgrade('library.json', raw)).toBe(raw)
  })
})

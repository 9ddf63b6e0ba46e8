// The saved index's base and journal on their own: an index written and read back answers
// exactly as before, packed postings behave as the maps they stand for, damage is found at
// load, and the journal reader keeps what a crash cannot have touched.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import MiniSearch, { type Options } from 'minisearch'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readIndexFile, UnusableIndexError, writeIndexFile } from './indexFile'
import { journalLine, readJournal } from './journal'
import { takeApart, takesApartDirectly, type TermData } from './miniSearchParts'
import { ByteWriter, packedTerms, packTerm, type PackedTermData } from './postings'

type Doc = { id: string; title?: string; text?: string }
const OPTIONS: Options<Doc> = { idField: 'id', fields: ['title', 'text'], storeFields: [] }
const QUERIES = ['visite', 'rabat ministre', 'sec', 'budgte', 'zorglub']

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-index-file-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** An index that went through adds, replacements and discards, as the service's does. */
async function usedIndex(): Promise<MiniSearch<Doc>> {
  const mini = new MiniSearch<Doc>(OPTIONS)
  mini.add({ id: 'a:1', title: 'Visite au Maroc', text: 'Le ministre arrive à Rabat. La sécurité est renforcée.' })
  mini.add({ id: 'n:1', text: 'Le ministre arrive à Rabat' })
  mini.add({ id: 'a:2', title: 'Budget', text: 'La réforme du budget divise. Visite visite visite.' })
  mini.add({ id: 'n:2', text: 'Zorglub' })
  mini.replace({ id: 'n:1', text: 'Première visite officielle à Rabat' })
  mini.discard('n:2')
  mini.add({ id: 'n:3', title: undefined, text: 'Sécurité, sécurité' })
  // Stale postings change MiniSearch's scores until they are cleaned; the base leaves them out.
  await mini.vacuum()
  return mini
}

/** MiniSearch's own serialisation, terms in order (the tree holds them in insertion order). */
const plain = (mini: MiniSearch<Doc>) => {
  const json = mini.toJSON()
  return { ...json, index: json.index.sort(([a], [b]) => (a < b ? -1 : 1)) }
}

const answers = (mini: MiniSearch<Doc>) =>
  QUERIES.map((query) =>
    mini.search(query, { prefix: true, fuzzy: 0.2 }).map(({ id, score, match }) => ({ id, score, match }))
  )

describe('the base', () => {
  it('reads back an index that answers exactly as the one written, put together directly', async () => {
    const mini = await usedIndex()
    expect(takesApartDirectly(mini)).toBe(true)
    const file = path.join(dir, 'search-index.json')
    await writeIndexFile(file, {
      tags: [['t1', 'Acteurs']],
      parts: takeApart(mini),
      articles: () => [['1', 7, '10:5', []]]
    })

    const loaded = (await readIndexFile(file, OPTIONS, () => false))!
    expect(loaded).toMatchObject({ tags: [['t1', 'Acteurs']], articles: [['1', 7, '10:5', []]], direct: true })
    expect(loaded.index.documentCount).toBe(4)
    expect(answers(loaded.index)).toEqual(answers(mini))
    expect(plain(loaded.index)).toEqual(plain(mini))
    // Changes after loading work as on the original.
    for (const index of [mini, loaded.index]) index.replace({ id: 'a:2', title: 'Budget', text: 'Zorglub' })
    expect(answers(loaded.index)).toEqual(answers(mini))
  })

  it('is written from toJSON when MiniSearch is not as expected, with the same result', async () => {
    const mini = await usedIndex()
    const opaque = { toJSON: () => mini.toJSON() } as unknown as MiniSearch<Doc>
    const parts = takeApart(opaque)
    expect(parts.direct).toBe(false)
    const file = path.join(dir, 'search-index.json')
    await writeIndexFile(file, { tags: [], parts, articles: () => [] })
    expect(answers((await readIndexFile(file, OPTIONS, () => false))!.index)).toEqual(answers(mini))
  })

  it('is found damaged at load when its postings are', async () => {
    const file = path.join(dir, 'search-index.json')
    await writeIndexFile(file, { tags: [], parts: takeApart(await usedIndex()), articles: () => [] })
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    const at = lines.findIndex((line) => line.startsWith('["terms"'))
    lines[at] = lines[at]!.replace(/"([A-Za-z0-9+/])([A-Za-z0-9+/=]*)"\]$/, (_all, first: string, rest: string) =>
      first === 'A' ? `"B${rest}"]` : `"A${rest}"]`
    )
    fs.writeFileSync(file, lines.join('\n'))
    await expect(readIndexFile(file, OPTIONS, () => false)).rejects.toThrow(UnusableIndexError)
    await expect(readIndexFile(file, OPTIONS, () => false)).rejects.toThrow(
      `the postings of line ${at + 1} are damaged`
    )
  })

  it('is none when missing', async () => {
    expect(await readIndexFile(path.join(dir, 'nothing.json'), OPTIONS, () => false)).toBeNull()
  })
})

describe('packed postings', () => {
  const data: TermData = new Map([
    [
      1,
      new Map([
        [0, 1],
        [5, 3],
        [2, 1],
        [70_000, 2]
      ])
    ],
    [3, new Map([[4, 1]])]
  ])
  const everyone = () => true

  function packed(live = everyone): PackedTermData {
    const out = new ByteWriter()
    expect(packTerm(out, data, live)).toBe(true)
    return packedTerms(out.bytes.slice(0, out.length), [out.length])![0]!
  }

  it('behave as the maps they were packed from, whatever is asked first', () => {
    expect(packed().size).toBe(2)
    expect(packed().get(1)).toEqual(data.get(1))
    expect([...packed().get(1)!]).toEqual([...data.get(1)!])
    expect(packed().has(3)).toBe(true)
    expect([...packed()]).toEqual([...data])
    expect([...packed().keys()]).toEqual([1, 3])
    const changed = packed()
    changed.delete(3)
    changed.set(2, new Map([[9, 1]]))
    expect([...changed.entries()]).toEqual([
      [1, data.get(1)],
      [2, new Map([[9, 1]])]
    ])
    expect(packed()).toBeInstanceOf(Map)
  })

  it('leave out documents no longer there, and fields left empty, when packed again', () => {
    const live = (shortId: number) => shortId === 5 || shortId === 70_000
    const out = new ByteWriter()
    expect(packed().repackInto(out, live)).toBe(true)
    const [again] = packedTerms(out.bytes.slice(0, out.length), [out.length])!
    expect([...again!]).toEqual([
      [
        1,
        new Map([
          [5, 3],
          [70_000, 2]
        ])
      ]
    ])
    expect(packed().repackInto(new ByteWriter(), () => false)).toBe(false)
  })

  it('are refused when their lengths do not add up', () => {
    const out = new ByteWriter()
    packTerm(out, data, everyone)
    const bytes = out.bytes.slice(0, out.length)
    expect(packedTerms(bytes, [out.length - 1])).toBeNull()
    expect(packedTerms(bytes, [out.length, 0])).toBeNull()
  })
})

describe('the journal', () => {
  const file = () => path.join(dir, 'search-index.journal')

  it('keeps whole lines, leaves out a last line cut short, and reports a damaged one before it', async () => {
    expect(await readJournal(file())).toEqual({ entries: [], bytes: 0, exists: false, torn: false, damaged: false })
    fs.writeFileSync(file(), journalLine(['a', 'b']) + journalLine(['c']) + '{"articles":["d')
    expect(await readJournal(file())).toEqual({
      entries: [['a', 'b'], ['c']],
      bytes: 42,
      exists: true,
      torn: true,
      damaged: false
    })
    // Cut just before its newline, a line is whole.
    fs.writeFileSync(file(), journalLine(['a']) + '{"articles":["d"]}')
    expect(await readJournal(file())).toMatchObject({ entries: [['a'], ['d']], torn: true, damaged: false })
    fs.writeFileSync(file(), 'garbage\n' + journalLine(['a']) + '{"articles":"x"}\n')
    expect(await readJournal(file())).toMatchObject({ entries: [['a']], torn: false, damaged: true })
  })
})

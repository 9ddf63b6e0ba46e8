// The tokenizer, the query parser and the snippets decide what can be found and what is
// marked; these pin them down without a data folder.
import { describe, expect, it } from 'vitest'
import { firstByPattern, firstMatch, firstMatchIn, foldText, snippetAround } from './snippet'
import { findWords, parseQuery, termSet, termsOfWord, withinOneEdit, wordsOf } from './terms'

const marked = (snippet: { text: string; marks: { start: number; end: number }[] }) =>
  snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end))

describe('terms', () => {
  it.each([
    ['sécurité', ['securite']],
    ['Élysée', ['elysee']],
    ['œil', ['oeil']],
    ['CŒUR', ['coeur']],
    ['l’armée', ["l'armee", 'armee']],
    ["l'armée", ["l'armee", 'armee']],
    ['aujourd’hui', ["aujourd'hui", 'hui']],
    ['e\u0301te\u0301', ['ete']]
  ])('indexes %j as %j', (word, terms) => {
    expect(termsOfWord(word)).toEqual(terms)
  })

  it('cuts words on everything but letters, digits and inner apostrophes, guillemets and no-break spaces included', () => {
    expect(wordsOf('«\u00a0Le chef d’état-major\u202f», dit-il : 2024 !')).toEqual([
      'Le',
      'chef',
      'd’état',
      'major',
      'dit',
      'il',
      '2024'
    ])
    // Function words are left out: they are in every document.
    expect([...termSet('L’Élysée et l’armée')]).toEqual(["l'elysee", 'elysee', "l'armee", 'armee'])
    expect(termsOfWord('Les')).toEqual([])
  })

  it('finds words at their original offsets, an elided word by its second part marking only that part', () => {
    const text = 'Selon l’Élysée, l’armée et la sécurité.'
    const spans = findWords(text, (term) => ['armee', "l'elysee", 'securite'].includes(term))
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['l’Élysée', 'armée', 'sécurité'])
  })

  it('counts an edit of one character, not more', () => {
    expect(withinOneEdit('securite', 'securte')).toBe(true)
    expect(withinOneEdit('securite', 'secxrite')).toBe(true)
    expect(withinOneEdit('securite', 'securitee')).toBe(true)
    expect(withinOneEdit('securite', 'secuirte')).toBe(false)
    expect(withinOneEdit('vre', 'vers')).toBe(false)
  })
})

describe('parseQuery', () => {
  it('folds the words and takes the last one as a prefix only while it is being typed', () => {
    expect(parseQuery('Sécurité ÉLYS')).toMatchObject({ terms: ['securite', 'elys'], lastIsPrefix: true })
    expect(parseQuery('Sécurité ÉLYS ')).toMatchObject({ terms: ['securite', 'elys'], lastIsPrefix: false })
    expect(parseQuery('armée de l’a')).toMatchObject({ terms: ['armee', "l'a"], lastIsPrefix: true })
    expect(parseQuery('l’ armée').terms).toEqual(['armee'])
  })

  it('leaves out function words, but not one being typed that may start another word', () => {
    expect(parseQuery('la sécurité DE l’armée')).toMatchObject({ terms: ['securite', "l'armee"], lastIsPrefix: true })
    // Two letters are matched whole, so « de » being typed is dropped and « sécurité » counts as finished.
    expect(parseQuery('sécurité de')).toMatchObject({ terms: ['securite'], lastIsPrefix: false })
    expect(parseQuery('sécurité des')).toMatchObject({ terms: ['securite', 'des'], lastIsPrefix: true })
    expect(parseQuery('sécurité l’')).toMatchObject({ terms: ['securite'], lastIsPrefix: false })
  })

  it('reads tag: and article: filters, quoted or not, wherever they are', () => {
    expect(parseQuery('tag:"Thèmes/Sécurité intérieure" armée article:Kochavi tag:Acteurs/Israël')).toEqual({
      terms: ['armee'],
      lastIsPrefix: false,
      tagPaths: ['Thèmes/Sécurité intérieure', 'Acteurs/Israël'],
      articleWords: ['kochavi']
    })
    expect(parseQuery('article:"Le Monde" TAG:x')).toMatchObject({
      terms: [],
      tagPaths: ['x'],
      articleWords: ['le', 'monde']
    })
    // Not a filter unless it starts a word.
    expect(parseQuery('montag:x').terms).toEqual(['montag', 'x'])
  })
})

describe('snippets', () => {
  it('marks every matched word as written, accents, ligatures and elisions included', () => {
    const text = 'Le cœur de l’armée bat à l’Élysée ; « sécurité\u00a0» avant tout, dit l’état-major.'
    const snippet = snippetAround(text, new Set(['coeur', 'armee', 'elysee', 'securite']))
    expect(snippet.text).toBe(text.replace(/\u00a0/g, ' '))
    expect(marked(snippet)).toEqual(['cœur', 'armée', 'Élysée', 'sécurité'])
  })

  it('keeps about 160 characters around the first match, cut at words, with the blank lines between paragraphs made spaces', () => {
    const before = 'Avant '.repeat(40)
    const after = ' ensuite'.repeat(40)
    const text = `${before}\n\nla décision de l’Élysée${after}`
    const snippet = snippetAround(text, new Set(['elysee']))
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(165)
    expect(snippet.text).toContain('Avant la décision de l’Élysée ensuite')
    expect(snippet.text).not.toMatch(/\s{2}|\n/)
    expect(marked(snippet)).toEqual(['Élysée'])
    expect(
      snippet.text
        .split(' ')
        .slice(1, -1)
        .every((word) => ['Avant', 'la', 'décision', 'de', 'l’Élysée', 'ensuite'].includes(word))
    ).toBe(true)
  })

  it('jumps to the first match however it is written: ligatures, decomposed accents, apostrophes, capitals', () => {
    const text = 'Rien ici. Puis le CŒUR, l’e\u0301te\u0301 et l`Armée.'
    for (const [term, written] of [
      ['coeur', 'CŒUR'],
      ['ete', 'e\u0301te\u0301'],
      ["l'armee", 'l`Armée'],
      ['armee', 'Armée']
    ] as const) {
      for (const first of [
        firstMatch(text, new Set([term])),
        firstMatchIn(foldText(text), new Set([term, 'absent']))
      ]) {
        expect(first && text.slice(first.start, first.end)).toBe(written)
      }
    }
    expect(firstMatchIn(foldText(text), new Set(['ici', 'rien']))).toEqual({ start: 0, end: 4 })
    const long = `${'Préambule sans rapport. '.repeat(300)}Les Schtroumpfs, le Schtroumpf et l’Élysée.`
    const inFolded = (t: string, terms: ReadonlySet<string>) => firstMatchIn(foldText(t), terms)
    expect(firstByPattern(long, new Set(["l'elysee"]))).toEqual(inFolded(long, new Set(["l'elysee"])))
    for (const find of [firstByPattern, inFolded]) {
      const first = find(long, new Set(['schtroumpf']))
      expect(first && long.slice(first.start, first.end)).toBe('Schtroumpf')
    }
    for (const find of [firstByPattern, inFolded]) {
      const first = find(long, new Set(['elysee', 'absent']))
      expect(first && long.slice(first.start, first.end)).toBe('Élysée')
    }
    // Decomposed accents are beyond the expression: left to the folded copy.
    const decomposed = `${long} e\u0301te\u0301`
    expect(firstByPattern(decomposed, new Set(['ete']))).toBeNull()
    expect(inFolded(decomposed, new Set(['ete']))).not.toBeNull()
    // Not inside a word, nor the first part of an elision.
    expect(firstMatchIn(foldText('Le recoeur de l’armée'), new Set(['coeur', 'l']))).toBeNull()
  })

  it('starts at the beginning with nothing marked when nothing matched', () => {
    expect(snippetAround('Une citation courte.', new Set())).toEqual({ text: 'Une citation courte.', marks: [] })
  })
})

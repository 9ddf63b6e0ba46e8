// Host messages worded in the interface's language, with every name isolated for bidi.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../shared/api/client'
import { hostMessage } from '../../../shared/domain/hostMessages'
import type { Result } from '../../../shared/result'
import { formatHostMessage, hostMessageText, withHostMessagesWorded } from './hostMessages'
import { changeLanguage } from './i18n'

const NBSP = '\u00a0'
const NNBSP = '\u202f'
const FSI = '\u2068'
const PDI = '\u2069'

afterEach(() => changeLanguage('en'))

const replaceFailed = (fileName: string) =>
  hostMessage('import.couldNotReplace', { fileName, reason: hostMessage('import.pdfScanned') })

describe('formatHostMessage', () => {
  it('says an import failure in French, the file name isolated and French spacing kept', async () => {
    await changeLanguage('fr')
    expect(formatHostMessage(replaceFailed('rapport.pdf'), 'unused')).toBe(
      `«${NBSP}${FSI}rapport.pdf${PDI}${NBSP}» n’a pas pu remplacer le texte${NNBSP}: ` +
        `le PDF n’a pas de couche texte (c’est une image numérisée)${NNBSP}; Dossier a besoin du texte`
    )
  })

  it('says the same in English', async () => {
    await changeLanguage('en')
    expect(formatHostMessage(replaceFailed('rapport.pdf'), 'unused')).toBe(
      `“${FSI}rapport.pdf${PDI}” could not replace the text: the PDF has no text layer (it is a scanned image); Dossier needs the text`
    )
  })

  it('keeps a name holding a right-to-left override inside its isolate', async () => {
    await changeLanguage('fr')
    const said = formatHostMessage(hostMessage('import.couldNotReplace', { fileName: 'exe.\u202Etxt', reason: '' }), '')
    expect(said).toContain(`${FSI}exe.txt${PDI}`)
    expect(said).not.toContain('\u202E')
  })

  it('whatever a name holds, it opens no direction of its own: one isolate in, one out', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
        const said = formatHostMessage(hostMessage('import.couldNotReplace', { fileName: name, reason: '' }), '')
        expect(said.match(/[\u202a-\u202e\u2066-\u2069]/g)).toEqual([FSI, PDI])
      }),
      { numRuns: 200 }
    )
  })

  it('picks the plural and formats the count the way the language writes numbers', async () => {
    await changeLanguage('fr')
    expect(formatHostMessage(hostMessage('count.note', { count: 1 }), '')).toBe('1 note')
    expect(formatHostMessage(hostMessage('count.note', { count: 1234 }), '')).toBe(`1${NNBSP}234 notes`)
    await changeLanguage('en')
    expect(formatHostMessage(hostMessage('count.note', { count: 1234 }), '')).toBe('1,234 notes')
  })

  it('says a recovery in French, with the time in its locale and the restored counts', async () => {
    await changeLanguage('fr')
    const savedAt = new Date(2026, 11, 2, 14, 2, 11).toISOString()
    const said = hostMessage('recovery.restored', {
      file: 'library.json',
      reason: hostMessage('recovery.missing'),
      saved: hostMessage('recovery.savedSameDay', {
        savedTime: savedAt,
        age: hostMessage('age.minutes', { count: 2 })
      }),
      contents: hostMessage('recovery.contents', {
        contents: hostMessage('list.pair', {
          first: hostMessage('count.article', { count: 3 }),
          second: hostMessage('count.tag', { count: 9 })
        })
      }),
      kept: ''
    })
    expect(formatHostMessage(said, 'unused')).toBe(
      `${FSI}library.json${PDI} n’a pas pu être lu (le fichier manquait)${NNBSP}; Dossier a rétabli la dernière ` +
        `copie intacte, enregistrée à 14:02:11, 2 minutes plus tôt${NNBSP}: 3 articles, 9 étiquettes.`
    )
  })

  it('names another day in words, and lists titles quoted and joined as French joins them', async () => {
    await changeLanguage('fr')
    const savedAt = new Date(2026, 11, 1, 9, 0, 0).toISOString()
    expect(
      formatHostMessage(
        hostMessage('recovery.savedOtherDay', {
          savedDate: savedAt,
          savedTime: savedAt,
          age: hostMessage('age.hours', { count: 29 })
        }),
        ''
      )
    ).toBe('enregistrée le 1 décembre 2026 à 09:00:00, 29 heures plus tôt')
    expect(
      formatHostMessage(
        hostMessage('housekeeping.trashed', {
          count: 2,
          titles: hostMessage('list.titles', { titles: ['Gaza', 'Liban'] })
        }),
        ''
      )
    ).toBe(
      `2 articles annotés avaient perdu leur place dans la bibliothèque${NNBSP}; ils sont de retour, dans la ` +
        `corbeille${NNBSP}: «${NBSP}${FSI}Gaza${PDI}${NBSP}» et «${NBSP}${FSI}Liban${PDI}${NBSP}».`
    )
  })

  it('formats numbers other than the count through Intl', async () => {
    await changeLanguage('fr')
    expect(formatHostMessage(hostMessage('import.overLimit', { megabytes: 31.5, limit: 25 }), '')).toBe(
      `le fichier fait 31,5${NBSP}Mo, au-delà de la limite d’import de 25${NBSP}Mo`
    )
  })

  it('falls back to the English words for a code it does not know, or none', async () => {
    await changeLanguage('fr')
    expect(formatHostMessage(hostMessage('from.a.newer.host'), 'The English words.')).toBe('The English words.')
    expect(formatHostMessage(null, 'The English words.')).toBe('The English words.')
    expect(hostMessageText({ message: 'An old notice, stored without a code.' })).toBe(
      'An old notice, stored without a code.'
    )
    expect(hostMessageText({ message: 'Disk full', code: 'storage.diskFull', params: {} })).toBe(
      `Le disque est plein${NNBSP}: votre dernière modification n’a pas été enregistrée.`
    )
  })
})

describe('withHostMessagesWorded', () => {
  const answering = (answer: Result<unknown>) => withHostMessagesWorded(createApiClient(async () => answer))

  it('words a refused change in French before any toast shows it', async () => {
    await changeLanguage('fr')
    const api = answering({
      ok: false,
      error: {
        code: 'storage-failed',
        message: 'The disk is full: your last change was not saved.',
        why: hostMessage('storage.diskFull')
      }
    })
    expect(await api.createTag({ path: 'Lieux' })).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: `Le disque est plein${NNBSP}: votre dernière modification n’a pas été enregistrée.`,
        why: { code: 'storage.diskFull', params: {} }
      }
    })
  })

  it('words the reason of a refused import, leaving its file name to the summary', async () => {
    await changeLanguage('fr')
    const api = answering({
      ok: true,
      value: { ok: false, fileName: 'scan.pdf', reason: 'the file is empty', why: hostMessage('import.empty') }
    })
    expect(await api.importFile({ name: 'scan.pdf', bytes: new Uint8Array([1]) })).toMatchObject({
      ok: true,
      value: { ok: false, fileName: 'scan.pdf', reason: 'le fichier est vide' }
    })
  })

  it('leaves an error without a code as it came', async () => {
    await changeLanguage('fr')
    const api = answering({ ok: false, error: { code: 'internal', message: 'listTags failed: boom' } })
    expect(await api.listTags({})).toEqual({ ok: false, error: { code: 'internal', message: 'listTags failed: boom' } })
  })
})

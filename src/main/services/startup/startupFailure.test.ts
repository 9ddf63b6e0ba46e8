import { describe, expect, it } from 'vitest'
import { naming, startupFailureMessage } from './startupFailure'

const systemError = (code: string, file: string) =>
  Object.assign(new Error(`${code}: something, open '${file}'`), { code, path: file })

describe('startupFailureMessage', () => {
  it.each([
    [
      systemError('EACCES', '/data/library.json'),
      'Dossier did not start: /data/library.json could not be used (permission denied, EACCES).'
    ],
    [
      systemError('EISDIR', '/data/library.json'),
      'Dossier did not start: /data/library.json could not be used (it is a folder where a file was expected, EISDIR).'
    ],
    [
      systemError('ELOOP', '/data/x'),
      "Dossier did not start: /data/x could not be used (ELOOP: something, open '/data/x', ELOOP)."
    ],
    [
      new Error('Another Dossier is already using /data (process 12). Close it first.'),
      'Dossier did not start: Another Dossier is already using /data (process 12). Close it first.'
    ],
    [new Error('first line\n    at stack (file.ts:1:1)'), 'Dossier did not start: first line'],
    ['a string', 'Dossier did not start: a string']
  ])('%s', (error, line) => {
    expect(startupFailureMessage(error)).toBe(line)
  })
})

describe('naming', () => {
  it('gives a system error that names no file the file being opened', async () => {
    const eisdir = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' })
    const failed = await naming('/data/library.json', Promise.reject(eisdir)).catch((error: unknown) => error)
    expect(startupFailureMessage(failed)).toBe(
      'Dossier did not start: /data/library.json could not be used (it is a folder where a file was expected, EISDIR).'
    )
  })

  it('leaves a file already named, and errors of other kinds, as they are', async () => {
    const named = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/data/notes/a.json' })
    expect(await naming('/data/library.json', Promise.reject(named)).catch((error: unknown) => error)).toMatchObject({
      path: '/data/notes/a.json'
    })
    const plain = new Error('newer schema')
    expect(await naming('/data/library.json', Promise.reject(plain)).catch((error: unknown) => error)).toBe(plain)
    expect(await naming('/data/library.json', Promise.resolve(3))).toBe(3)
  })
})

// Protects finding the Electron binary from files alone, without ever loading the electron package (which downloads).
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findElectronRuntime } from './electronRuntime'

let root: string
let packageDir: string
let loadedMarker: string
let installMarker: string

/** A project folder whose node_modules/electron records it was loaded, then throws, like a download that fails. */
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'))
  packageDir = path.join(root, 'node_modules', 'electron')
  loadedMarker = path.join(root, 'electron-was-loaded')
  installMarker = path.join(root, 'electron-install-ran')
  fs.mkdirSync(packageDir, { recursive: true })
  fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }))
  fs.writeFileSync(
    path.join(packageDir, 'index.js'),
    `require('fs').writeFileSync(${JSON.stringify(loadedMarker)}, 'x')\n` +
      `throw new Error('the electron package must not be loaded')\n`
  )
  fs.writeFileSync(
    path.join(packageDir, 'install.js'),
    `require('fs').writeFileSync(${JSON.stringify(installMarker)}, 'x')\n` + `process.exit(1)\n`
  )
})

afterEach(() => {
  vi.unstubAllEnvs()
  fs.rmSync(root, { recursive: true, force: true })
})

function writePathTxt(content: string): void {
  fs.writeFileSync(path.join(packageDir, 'path.txt'), content)
}

function writeExecutable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '#!/bin/sh\n')
  return file
}

function expectPackageNeverLoaded(): void {
  expect(fs.existsSync(loadedMarker)).toBe(false)
  expect(fs.existsSync(installMarker)).toBe(false)
}

describe('findElectronRuntime', () => {
  it('the fake electron package really throws when required (so the other tests mean something)', () => {
    const requireFromRoot = createRequire(path.join(root, 'package.json'))
    expect(() => requireFromRoot('electron')).toThrow('must not be loaded')
    expect(fs.existsSync(loadedMarker)).toBe(true)
  })

  it('reports path.txt missing when the electron package is not installed at all', () => {
    fs.rmSync(path.join(root, 'node_modules'), { recursive: true })

    const runtime = findElectronRuntime(root, {})

    expect(runtime.found).toBe(false)
    if (!runtime.found) expect(runtime.reason).toContain('path.txt')
  })

  it('reports path.txt missing when the package is there but its binary was never downloaded', () => {
    const runtime = findElectronRuntime(root, {})

    expect(runtime.found).toBe(false)
    if (!runtime.found) expect(runtime.reason).toContain('path.txt')
    expectPackageNeverLoaded()
  })

  it('names the missing binary when path.txt points to a file that does not exist', () => {
    writePathTxt('electron')
    const missing = path.join(packageDir, 'dist', 'electron')

    const runtime = findElectronRuntime(root, {})

    expect(runtime.found).toBe(false)
    if (!runtime.found) expect(runtime.reason).toContain(missing)
    expectPackageNeverLoaded()
  })

  it('finds the binary that path.txt names under dist/', () => {
    writePathTxt('electron')
    const executable = writeExecutable(path.join(packageDir, 'dist', 'electron'))

    expect(findElectronRuntime(root, {})).toEqual({ found: true, executable })
    expectPackageNeverLoaded()
  })

  it('ignores surrounding whitespace in path.txt and follows nested paths', () => {
    writePathTxt('  Electron.app/Contents/MacOS/Electron\n')
    const executable = writeExecutable(path.join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'))

    expect(findElectronRuntime(root, {})).toEqual({ found: true, executable })
  })

  it('uses ELECTRON_EXEC_PATH when it points to an existing file, even with nothing installed', () => {
    fs.rmSync(path.join(root, 'node_modules'), { recursive: true })
    const explicit = writeExecutable(path.join(root, 'elsewhere', 'my-electron'))

    expect(findElectronRuntime(root, { ELECTRON_EXEC_PATH: explicit })).toEqual({ found: true, executable: explicit })
  })

  it('prefers ELECTRON_EXEC_PATH over an installed runtime', () => {
    writePathTxt('electron')
    writeExecutable(path.join(packageDir, 'dist', 'electron'))
    const explicit = writeExecutable(path.join(root, 'elsewhere', 'my-electron'))

    expect(findElectronRuntime(root, { ELECTRON_EXEC_PATH: explicit })).toEqual({ found: true, executable: explicit })
    expectPackageNeverLoaded()
  })

  it('names a missing ELECTRON_EXEC_PATH and does not fall back to the installed runtime', () => {
    writePathTxt('electron')
    writeExecutable(path.join(packageDir, 'dist', 'electron'))
    const explicit = path.join(root, 'elsewhere', 'no-such-electron')

    const runtime = findElectronRuntime(root, { ELECTRON_EXEC_PATH: explicit })

    expect(runtime.found).toBe(false)
    if (!runtime.found) {
      expect(runtime.reason).toContain('ELECTRON_EXEC_PATH')
      expect(runtime.reason).toContain(explicit)
    }
    expectPackageNeverLoaded()
  })

  it('looks for the binary under ELECTRON_OVERRIDE_DIST_PATH instead of dist/', () => {
    writePathTxt('electron')
    const overrideDir = path.join(root, 'custom-dist')
    const executable = writeExecutable(path.join(overrideDir, 'electron'))

    expect(findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: overrideDir })).toEqual({
      found: true,
      executable
    })
    expectPackageNeverLoaded()
  })

  it('names the missing binary under ELECTRON_OVERRIDE_DIST_PATH even when dist/ has one', () => {
    writePathTxt('electron')
    writeExecutable(path.join(packageDir, 'dist', 'electron'))
    const overrideDir = path.join(root, 'custom-dist')

    const runtime = findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: overrideDir })

    expect(runtime.found).toBe(false)
    if (!runtime.found) expect(runtime.reason).toContain(path.join(overrideDir, 'electron'))
  })

  it('reads process.env when no environment is passed', () => {
    const explicit = writeExecutable(path.join(root, 'elsewhere', 'my-electron'))
    vi.stubEnv('ELECTRON_EXEC_PATH', explicit)

    expect(findElectronRuntime(root)).toEqual({ found: true, executable: explicit })
  })

  it('finds <ELECTRON_OVERRIDE_DIST_PATH>/electron when path.txt is missing, as the electron package does', () => {
    const executable = writeExecutable(path.join(root, 'custom-dist', 'electron'))
    expect(findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: path.dirname(executable) })).toEqual({
      found: true,
      executable
    })
    expectPackageNeverLoaded()
  })

  it('ignores an empty ELECTRON_OVERRIDE_DIST_PATH and a folder where a binary should be', () => {
    writePathTxt('electron')
    fs.mkdirSync(path.join(packageDir, 'dist', 'electron'), { recursive: true })
    const runtime = findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: '' })
    expect(runtime.found).toBe(false)
  })
})

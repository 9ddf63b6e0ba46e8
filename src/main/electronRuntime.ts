/**
 * Finds the Electron runtime without loading the `electron` package: requiring it
 * starts a download from GitHub when the binary is missing, which hangs or fails on a
 * machine without that network. Used by the launcher and by the Electron e2e suite.
 */
import fs from 'node:fs'
import path from 'node:path'

export type ElectronRuntime = { found: true; executable: string } | { found: false; reason: string }

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile()
  } catch {
    return false
  }
}

export function findElectronRuntime(projectRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const explicit = env.ELECTRON_EXEC_PATH
  if (explicit) {
    return isFile(explicit)
      ? { found: true, executable: explicit }
      : { found: false, reason: `ELECTRON_EXEC_PATH points to ${explicit}, which is not a file` }
  }
  const packageDir = path.join(projectRoot, 'node_modules', 'electron')
  const pathFile = path.join(packageDir, 'path.txt')
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : ''
  // Like electron's own index.js: an override folder works without path.txt, which only a download writes.
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH
  if (overrideDir) {
    const executable = path.join(overrideDir, relative || 'electron')
    return isFile(executable)
      ? { found: true, executable }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${executable} is missing)` }
  }
  if (!relative) {
    return { found: false, reason: 'the Electron runtime is not installed (node_modules/electron/path.txt is missing)' }
  }
  const executable = path.join(packageDir, 'dist', relative)
  return isFile(executable)
    ? { found: true, executable }
    : { found: false, reason: `the Electron runtime is not installed (${executable} is missing)` }
}

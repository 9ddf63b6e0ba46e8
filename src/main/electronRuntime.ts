/**
 * Finds the Electron runtime without loading the `electron` package: requiring it
 * starts a download from GitHub when the binary is missing, which hangs or fails on a
 * machine without that network. Used by the launcher and by the Electron e2e suite.
 */
import fs from 'node:fs'
import path from 'node:path'

export type ElectronRuntime = { found: true; executable: string } | { found: false; reason: string }

export function findElectronRuntime(projectRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const explicit = env.ELECTRON_EXEC_PATH
  if (explicit) {
    return fs.existsSync(explicit)
      ? { found: true, executable: explicit }
      : { found: false, reason: `ELECTRON_EXEC_PATH points to ${explicit}, which does not exist` }
  }
  const packageDir = path.join(projectRoot, 'node_modules', 'electron')
  const pathFile = path.join(packageDir, 'path.txt')
  if (!fs.existsSync(pathFile)) {
    return { found: false, reason: 'the Electron runtime is not installed (node_modules/electron/path.txt is missing)' }
  }
  const relative = fs.readFileSync(pathFile, 'utf8').trim()
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist')
  const executable = path.join(distDir, relative)
  return fs.existsSync(executable)
    ? { found: true, executable }
    : { found: false, reason: `the Electron runtime is not installed (${executable} is missing)` }
}

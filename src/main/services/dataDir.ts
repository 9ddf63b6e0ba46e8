/**
 * Where Dossier keeps its data. Electron and browser mode resolve the same folder so an
 * analyst sees the same library whichever way the app was started.
 */
import os from 'node:os'
import path from 'node:path'

export const DATA_DIR_ENV = 'DOSSIER_DATA_DIR'
const APP_FOLDER = 'Dossier'

/** The platform's per-user application-data folder, as Electron's `userData` would be. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER)
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DATA_DIR_ENV]?.trim()
  return override ? path.resolve(override) : defaultDataDir(env)
}

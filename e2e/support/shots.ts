/**
 * Where specs save the screens the developers' guide asks to look at (both sizes of every new
 * view): outside the repository, one folder per feature; DOSSIER_SHOTS_DIR moves them.
 */
import os from 'node:os'
import path from 'node:path'

export function shotsDir(feature: string): string {
  return path.join(process.env.DOSSIER_SHOTS_DIR ?? path.join(os.tmpdir(), 'dossier-shots'), feature)
}

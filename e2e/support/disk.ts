/** Reads what Dossier stored, so tests can check the disk as well as the screen. */
import fs from 'node:fs'
import path from 'node:path'

export interface StoredNote {
  id: string
  articleId: string
  anchor: {
    quote: { type: string; exact: string; prefix: string; suffix: string }
    position: { type: string; start: number; end: number }
  }
  createdAt: string
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

export function storedLibrary(dataDir: string): { schemaVersion: number; articles: { id: string; title: string }[] } {
  return readJson(path.join(dataDir, 'library.json'))
}

/**
 * An article's notes as stored; none before its notes file is first written, which happens
 * after the highlight is drawn (it is saved behind), so a poll may start before the file exists.
 */
export function storedNotes<T = StoredNote>(dataDir: string, articleId: string): T[] {
  const file = path.join(dataDir, 'notes', `${articleId}.json`)
  return fs.existsSync(file) ? readJson<{ notes: T[] }>(file).notes : []
}

export interface StoredArticleNote {
  kind: string
  text: string
  tagIds: string[]
  createdAt: string
}

/** The article's notes on the whole article as stored, oldest first (a restored one is stored last). */
export function storedArticleNotes(dataDir: string, articleId: string): StoredArticleNote[] {
  const file = path.join(dataDir, 'notes', `${articleId}.json`)
  const stored = fs.existsSync(file) ? (readJson<{ articleNotes?: StoredArticleNote[] }>(file).articleNotes ?? []) : []
  return stored.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** Every file under the data folder with its size and modification time, to prove a call wrote nothing. */
export function snapshotFiles(dataDir: string): Record<string, string> {
  const snapshot: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const stat = fs.statSync(full)
        snapshot[path.relative(dataDir, full)] = `${stat.size}:${stat.mtimeMs}`
      }
    }
  }
  walk(dataDir)
  return snapshot
}

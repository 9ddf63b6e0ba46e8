/**
 * Where the built app finds its own files. Entry points are bundled into out/main, so
 * everything is resolved from there, not from the current directory.
 */
import path from 'node:path'

export function appPaths(builtMainDir: string): {
  rendererDir: string
  sampleArticle: string
  preload: string
  importWorker: string
} {
  const root = path.resolve(builtMainDir, '..', '..')
  return {
    importWorker: path.join(builtMainDir, 'importWorker.js'),
    rendererDir: path.join(root, 'out', 'renderer'),
    preload: path.join(root, 'out', 'preload', 'index.js'),
    sampleArticle: path.join(root, 'resources', 'sample-article.txt')
  }
}

/** The shipped sample is a French news article. */
export const SAMPLE_ARTICLE_LANGUAGE = 'fr'

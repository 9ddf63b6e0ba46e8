/** The article a first run shows (the French news sample in resources/), so the app is never an empty page. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { plainTextToBlocks, titleFromText } from '../../../shared/import/readingParagraphs'
import type { ArticleStore } from '../articleStore'

export interface SampleArticle {
  path: string
  language: string | null
}

export async function addSampleArticle(articles: ArticleStore, sample: SampleArticle): Promise<void> {
  const text = await fs.readFile(sample.path, 'utf8')
  await articles.add({
    blocks: plainTextToBlocks(text),
    title: titleFromText(text),
    sourceFile: path.basename(sample.path),
    language: sample.language
  })
}

import { describe, expect, test } from 'vitest'
import { articleStartEnd, type ArticleBlock } from './article'

const paragraphs = (count: number, length: number): ArticleBlock[] =>
  Array.from({ length: count }, () => ({ type: 'paragraph', text: 'a'.repeat(length) }))

const items = (count: number, length: number): ArticleBlock[] =>
  Array.from({ length: count }, () => ({ type: 'listitem', listType: 'bullet', depth: 0, text: 'b'.repeat(length) }))

describe("where an article's start ends", () => {
  test.each([
    ['whole blocks until 64,000 characters are in', paragraphs(300, 1_000), 64],
    ['the block that passes the budget is taken whole', paragraphs(10, 30_000), 3],
    ['a short article is its own start', paragraphs(5, 100), 5],
    ['one huge block is still a start', paragraphs(2, 200_000), 1],
    ['an empty article has an empty start', [], 0],
    ['a list under way at the budget is taken to its end', [...items(70, 1_000), ...paragraphs(10, 1_000)], 70],
    ['a list that starts right after the budget is left for the rest', [...paragraphs(64, 1_000), ...items(5, 10)], 64]
  ])('%s', (_, blocks, end) => {
    expect(articleStartEnd(blocks)).toBe(end)
  })
})

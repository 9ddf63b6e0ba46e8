import { describe, expect, test } from 'vitest'
import type { ArticleBlock } from '../../../../../shared/domain/article'
import { continuesShown, FIRST_SCREEN_MAX_BLOCKS, firstScreenEnd, nextStepSize } from '.'

const paragraphs = (count: number, length: number): ArticleBlock[] =>
  Array.from({ length: count }, () => ({ type: 'paragraph', text: 'a'.repeat(length) }))

describe('the first screen of a long article', () => {
  test.each([
    ['long paragraphs stop at the character budget', paragraphs(3_000, 1_000), 8],
    ['short blocks stop at the block cap', paragraphs(3_000, 20), FIRST_SCREEN_MAX_BLOCKS],
    ['a short article goes in whole', paragraphs(5, 100), 5],
    ['one huge paragraph is still shown', paragraphs(3, 50_000), 1],
    ['an empty article has nothing to show', [], 0]
  ])('%s', (_, blocks, end) => {
    expect(firstScreenEnd(blocks)).toBe(end)
  })
})

describe('the size of the later steps', () => {
  test.each([
    ['a step that took its budget keeps its size', 200, 30, 200],
    ['a slow step shrinks the next', 300, 60, 150],
    ['a very slow step never goes below the floor', 200, 3_000, 100],
    ['a fast step at most doubles the next', 150, 1, 300],
    ['steps never exceed the ceiling', 300, 1, 400],
    ['an instant step (a coarse clock) is taken as fast', 100, 0, 200]
  ])('%s', (_, blocks, tookMs, next) => {
    expect(nextStepSize(blocks, tookMs)).toBe(next)
  })
})

describe('the whole text after its start', () => {
  const start = paragraphs(3, 10)
  const shown = { articleId: 'a1', blocks: start }
  test.each([
    [
      'the same block objects, then more, carry on',
      { articleId: 'a1', blocks: [...start, ...paragraphs(2, 10)] },
      true
    ],
    ['equal but new block objects start again', { articleId: 'a1', blocks: paragraphs(5, 10) }, false],
    ['another article starts again', { articleId: 'a2', blocks: [...start, ...paragraphs(2, 10)] }, false],
    ['fewer blocks than are shown start again', { articleId: 'a1', blocks: start.slice(0, 2) }, false]
  ])('%s', (_, body, carriesOn) => {
    expect(continuesShown(body, shown, 3)).toBe(carriesOn)
  })
})

import { describe, expect, it } from 'vitest'
import { describeViolations, isBlocking, type AxeViolation } from './axe'

const violation = (id: string, impact: string | null, targets: string[]): AxeViolation => ({
  id,
  impact,
  help: 'help text',
  nodes: targets.map((target) => ({ target, summary: `Fix ${target}` }))
})

describe('isBlocking', () => {
  it.each([
    ['critical', true],
    ['serious', true],
    ['moderate', false],
    ['minor', false],
    [null, false]
  ])('%s → %s', (impact, blocking) => {
    expect(isBlocking(violation('rule', impact, ['a']))).toBe(blocking)
  })
})

describe('describeViolations', () => {
  it('gives one line per failing element, naming the view, rule, impact and element', () => {
    expect(
      describeViolations('search', [
        violation('aria-required-children', 'critical', ['#results']),
        violation('color-contrast', 'serious', ['.search__meta', 'kbd']),
        violation('region', null, ['.toast'])
      ])
    ).toEqual([
      '[search] aria-required-children (critical) #results: Fix #results',
      '[search] color-contrast (serious) .search__meta: Fix .search__meta',
      '[search] color-contrast (serious) kbd: Fix kbd',
      '[search] region (no impact) .toast: Fix .toast'
    ])
  })

  it('says nothing when nothing failed', () => {
    expect(describeViolations('reading', [])).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { isWebLink } from './isWebLink'

describe('isWebLink', () => {
  it.each([
    ['https://www.lemonde.fr/article', true],
    ['http://example.org', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['mailto:someone@example.org', false],
    ['/relative/path', false],
    ['not a url', false],
    ['', false],
    [null, false],
    [undefined, false]
  ])('%s → %s', (href, expected) => {
    expect(isWebLink(href)).toBe(expected)
  })
})

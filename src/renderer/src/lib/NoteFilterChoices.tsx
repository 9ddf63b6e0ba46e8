/**
 * The note filters the briefing composer and the notes workspace share: tags as a tree
 * (a parent includes its children, any or all of them), articles, and colours. Each is a
 * group of checkboxes that reports the new selection; where it is kept is the caller's.
 * Ticking a parent never creates a tag: a parent with no record is selected by its branch
 * filter id (shared/tags/tagFilter.ts), which every filter expands to the tags under it.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleSummary } from '../../../shared/domain/article'
import { branchFilterId, buildTagTree, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { ColorDot, HIGHLIGHT_COLORS } from './ColorDot'

/** The list with `value` in it or out of it. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value)
}

function flatten(nodes: readonly TagTreeNode[], depth = 0): { node: TagTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)])
}

export function TagChoices({
  tags,
  selectedIds,
  mode,
  label,
  onChange,
  onModeChange,
  children
}: {
  tags: readonly Tag[]
  selectedIds: readonly string[]
  mode: 'any' | 'all'
  label: string
  onChange: (tagIds: string[]) => void
  onModeChange: (mode: 'any' | 'all') => void
  /**
   * No longer used: a parent that exists only through its children is filtered by its branch,
   * not made into a tag. Kept optional so callers can drop it in their own time.
   */
  ensureTag?: (path: string) => Promise<Tag | null>
  /** More choices under the tree, such as "Untagged only". */
  children?: React.ReactNode
}): React.JSX.Element | null {
  const { t } = useTranslation('tags')
  const rows = useMemo(() => flatten(buildTagTree(tags, [])), [tags])
  if (rows.length === 0 && !children) return null
  return (
    <div className="composer__choices" role="group" aria-label={t('filter.tags')}>
      <div className="composer__choices-head">
        <span className="field__label">{label}</span>
        <select
          className="input input--small"
          aria-label={t('filter.match')}
          value={mode}
          onChange={(event) => onModeChange(event.target.value as 'any' | 'all')}
        >
          <option value="any">{t('filter.any')}</option>
          <option value="all">{t('filter.all')}</option>
        </select>
      </div>
      {rows.map(({ node, depth }) => {
        const filterId = node.tag?.id ?? branchFilterId(node.path)
        return (
          <label
            key={node.path}
            className="composer__check"
            style={{ paddingLeft: depth * 16 }}
            title={node.tag ? node.path : t('filter.branchTitle', { path: node.path })}
          >
            <input
              type="checkbox"
              checked={selectedIds.includes(filterId)}
              onChange={(event) => onChange(toggled(selectedIds, filterId, event.target.checked))}
            />
            <span className="tag-chip__dot" style={{ background: node.tag?.color ?? 'var(--ink-faint)' }} />
            <span className="composer__choice-name">{node.name}</span>
          </label>
        )
      })}
      {children}
    </div>
  )
}

export function ArticleChoices({
  articles,
  selectedIds,
  label,
  onChange
}: {
  articles: readonly ArticleSummary[]
  selectedIds: readonly string[]
  label: string
  onChange: (articleIds: string[]) => void
}): React.JSX.Element | null {
  const { t } = useTranslation('tags')
  if (articles.length === 0) return null
  return (
    <div className="composer__choices" role="group" aria-label={t('filter.articles')}>
      <span className="field__label">{label}</span>
      {articles.map((article) => (
        <label key={article.id} className="composer__check" title={article.title}>
          <input
            type="checkbox"
            checked={selectedIds.includes(article.id)}
            onChange={(event) => onChange(toggled(selectedIds, article.id, event.target.checked))}
          />
          <span className="composer__choice-name">{article.title}</span>
        </label>
      ))}
    </div>
  )
}

/** The highlight colours, then every tag's colour: what a note can show. */
export function ColorChoices({
  tags,
  selected,
  onChange
}: {
  tags: readonly Tag[]
  selected: readonly string[]
  onChange: (colors: string[]) => void
}): React.JSX.Element {
  const { t } = useTranslation('tags')
  const colors = useMemo(() => {
    const seen = new Set<string>()
    const fromTags = tags.flatMap((tag) => (tag.color ? [{ color: tag.color, name: tag.path }] : []))
    return [...HIGHLIGHT_COLORS, ...fromTags].filter(({ color }) => !seen.has(color) && seen.add(color))
  }, [tags])
  return (
    <div className="composer__choices composer__choices--inline" role="group" aria-label={t('filter.colours')}>
      <span className="field__label">{t('filter.colours')}</span>
      {colors.map(({ color, name }) => (
        <ColorDot
          key={color}
          color={color}
          role="checkbox"
          aria-checked={selected.includes(color)}
          aria-label={name}
          title={name}
          onClick={() => onChange(toggled(selected, color, !selected.includes(color)))}
        />
      ))}
    </div>
  )
}

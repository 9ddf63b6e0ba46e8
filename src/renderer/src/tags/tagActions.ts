/**
 * Tag administration from the tag manager and the pickers: create, rename or move,
 * recolour, describe, delete, merge and pin. Each change but pinning goes on the session's
 * undo history; deleting and merging reach notes of every article, so the open article's
 * notes are read again after them. A parent tag with no record of its own (« Acteurs » of
 * « Acteurs/Israël ») is acted on as a branch, by its path: renamed, recoloured or merged whole.
 */
import type { TagMergeChanges } from '../../../shared/api/contract'
import { normaliseTagPath, tagIdsUnder, type Tag } from '../../../shared/tags/tags'
import { undoable } from '../../../shared/undo/undoable'
import type { Session } from '../app/session'
import { t } from '../lib/i18n'
import { required } from '../lib/required'

export type TagActions = ReturnType<typeof createTagActions>

export function createTagActions(session: Session) {
  const { api, take, store, show, history, reloadOpenNotes } = session
  const record = history.record
  const setTags = (tags: Tag[]): void => store.set({ tags })
  const withoutTag = (tagId: string): void =>
    store.set(({ tags }) => ({ tags: tags.filter((candidate) => candidate.id !== tagId) }))

  const writePath = async (tagId: string, path: string) => setTags(required(take(await api.renameTag({ tagId, path }))))
  const writeColor = async (tagId: string, color: string | null) =>
    setTags(required(take(await api.recolorTag({ tagId, color }))))
  const writeDescription = async (tagId: string, description: string) =>
    setTags(required(take(await api.describeTag({ tagId, description }))))
  const writeBranchPath = async (path: string, newPath: string) =>
    setTags(required(take(await api.renameTagBranch({ path, newPath }))))
  const writeColors = async (colors: { tagId: string; color: string | null }[]) =>
    setTags(required(take(await api.recolorTags({ colors }))))

  /** Folds `fromPath` (a tag's path, or a branch's) into `into`, undoably, and says so with Undo. */
  const merge = async (
    fromPath: string,
    into: Tag,
    request: () => Promise<{ tags: Tag[]; changes: TagMergeChanges } | null>
  ): Promise<void> => {
    let changes: TagMergeChanges | null = null
    const action = await undoable(record, {
      label: t('tags:undoLabel.merge'),
      redo: async () => {
        const merged = required(await request())
        setTags(merged.tags)
        await reloadOpenNotes()
        changes = merged.changes
      },
      undo: async () => {
        setTags(required(take(await api.undoMergeTags({ changes: changes! }))))
        await reloadOpenNotes()
      }
    })
    if (action)
      show({
        level: 'info',
        text: t('tags:outcome.merged', { from: fromPath, into: into.path }),
        action: history.undoButton(action)
      })
    await recountUsage()
  }

  /** Recounts after a change made in the manager, without reopening it if it was closed meanwhile. */
  const recountUsage = async (): Promise<void> => {
    const usage = take(await api.tagUsage({}))
    if (usage) store.set(({ tagUsage }) => ({ tagUsage: tagUsage === null ? null : usage }))
  }

  return {
    /** The tag with this path, created if it is new: for pickers that create tags on the fly. */
    async ensureTag(path: string): Promise<Tag | null> {
      const tag = take(await api.createTag({ path }))
      if (tag) store.set(({ tags }) => (tags.some((known) => known.id === tag.id) ? {} : { tags: [...tags, tag] }))
      return tag
    },

    async pinTags(tagIds: string[]) {
      const pinned = take(await api.setPinnedTags({ tagIds }))
      if (pinned) store.set({ pinnedTagIds: pinned })
    },

    async openManager() {
      const usage = take(await api.tagUsage({}))
      if (usage) store.set({ tagUsage: usage })
    },

    closeManager: (): void => store.set({ tagUsage: null }),

    async renameTag(tag: Tag, path: string) {
      await undoable(record, {
        label: t('tags:undoLabel.rename'),
        undo: () => writePath(tag.id, tag.path),
        redo: () => writePath(tag.id, path)
      })
    },

    async recolorTag(tag: Tag, color: string) {
      await undoable(record, {
        label: t('tags:undoLabel.colour'),
        undo: () => writeColor(tag.id, tag.color),
        redo: () => writeColor(tag.id, color)
      })
    },

    async describeTag(tag: Tag, description: string) {
      await undoable(record, {
        label: t('tags:undoLabel.description'),
        undo: () => writeDescription(tag.id, tag.description),
        redo: () => writeDescription(tag.id, description)
      })
    },

    async deleteTag(tag: Tag) {
      // What the deletion took off which notes: the services need it to put the tag back.
      let tagged: Parameters<typeof api.restoreTag>[0]['tagged'] = []
      const action = await undoable(record, {
        label: t('tags:undoLabel.deletion'),
        redo: async () => {
          tagged = required(take(await api.deleteTag({ tagId: tag.id }))).tagged
          withoutTag(tag.id)
          await reloadOpenNotes()
        },
        undo: async () => {
          setTags(required(take(await api.restoreTag({ tag, tagged }))))
          await reloadOpenNotes()
        }
      })
      if (action)
        show({
          level: 'info',
          text: t('tags:outcome.deleted', { path: tag.path }),
          action: history.undoButton(action)
        })
      await recountUsage()
    },

    async mergeTags(from: Tag, into: Tag) {
      await merge(from.path, into, async () => take(await api.mergeTags({ fromId: from.id, intoId: into.id })))
    },

    /** Folds every tag at or under `path` into `into`: for a parent with no record of its own. */
    async mergeBranch(path: string, into: Tag) {
      await merge(path, into, async () => take(await api.mergeTagBranch({ path, intoId: into.id })))
    },

    /** Renames or moves every tag at or under `path`; their notes keep them (ids do not change). */
    async renameBranch(path: string, newPath: string) {
      const from = normaliseTagPath(path)
      const to = normaliseTagPath(newPath)
      await undoable(record, {
        label: t('tags:undoLabel.rename'),
        undo: () => writeBranchPath(to, from),
        redo: () => writeBranchPath(from, to)
      })
      await recountUsage()
    },

    /** Gives every tag at or under `path` one colour, in one write; undo gives each its own back. */
    async recolorBranch(path: string, color: string) {
      const under = tagIdsUnder(store.get().tags, path)
      const before = store.get().tags.flatMap((tag) => (under.has(tag.id) ? [{ tagId: tag.id, color: tag.color }] : []))
      if (before.length === 0) return
      await undoable(record, {
        label: t('tags:undoLabel.colour'),
        undo: () => writeColors(before),
        redo: () => writeColors(before.map(({ tagId }) => ({ tagId, color })))
      })
    }
  }
}

/**
 * The views and dialogs the first screen does not show, each in a chunk of its own (see
 * deferredPart.tsx): the reading pane, the library and the notes panel stay in the first chunk.
 */
import { deferredPart } from './deferredPart'
import type { View } from './session'

export const NotesWorkspacePart = deferredPart(() =>
  import('../workspace/NotesWorkspace').then((module) => module.NotesWorkspace)
)
export const BriefingsViewPart = deferredPart(() =>
  import('../briefings/BriefingsView').then((module) => module.BriefingsView)
)
export const TagManagerPart = deferredPart(() =>
  import('../tags/TagManagerDialog').then((module) => module.TagManagerDialog)
)
export const SearchDialogPart = deferredPart(() =>
  import('../search/SearchDialog').then((module) => module.SearchDialog)
)
export const SettingsDialogPart = deferredPart(() => import('../settings').then((module) => module.SettingsDialog))
export const ShortcutsOverlayPart = deferredPart(() =>
  import('./ShortcutsOverlay').then((module) => module.ShortcutsOverlay)
)

const VIEW_PARTS: Record<Exclude<View, 'reading'>, { preload: () => Promise<void>; isLoaded: () => boolean }> = {
  notes: NotesWorkspacePart,
  briefings: BriefingsViewPart
}

/** Whether the view can show in this render: the reading view always can. */
export function isViewLoaded(view: View): boolean {
  return view === 'reading' || VIEW_PARTS[view].isLoaded()
}

export function preloadView(view: View): Promise<void> {
  return view === 'reading' ? Promise.resolve() : VIEW_PARTS[view].preload()
}

/** Loads every part, one chunk after the other so that each compile is a short task. */
export async function preloadDeferredParts(): Promise<void> {
  const parts = [
    ShortcutsOverlayPart,
    SearchDialogPart,
    SettingsDialogPart,
    TagManagerPart,
    NotesWorkspacePart,
    BriefingsViewPart
  ]
  for (const part of parts) {
    try {
      await part.preload()
    } catch {
      // Asked for again on demand, where a failure is reported.
    }
  }
}

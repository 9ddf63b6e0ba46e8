/**
 * A part of the interface the first screen does not show (a view, a dialog), kept out of the
 * interface's first chunk so that the first block of an article waits for less code. Unlike
 * React.lazy, a part already loaded renders in the same pass it is asked for: React.lazy
 * suspends once on every first render even when its chunk is in, which would flash the
 * fallback, and a dialog opened from the keyboard would miss the keys typed right after.
 * The shell preloads every part once the first article is in (see App.tsx), so a part is
 * normally loaded before anyone asks for it; one asked for sooner loads on demand.
 */
import { useEffect, useReducer, type ComponentType, type ReactNode } from 'react'

export interface DeferredPart<Props extends object> {
  Part: ComponentType<Props>
  /** Starts loading the part's chunk once; resolves when it can render. */
  preload: () => Promise<void>
  isLoaded: () => boolean
}

export function deferredPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ReactNode = null
): DeferredPart<Props> {
  let loaded: ComponentType<Props> | null = null
  let loading: Promise<void> | null = null
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (component) => {
        loaded = component
      },
      (error: unknown) => {
        // A failed chunk (the host stopped meanwhile) may be asked for again later.
        loading = null
        throw error
      }
    ))

  function Part(props: Props): ReactNode {
    const [, showLoaded] = useReducer((count: number) => count + 1, 0)
    useEffect(() => {
      if (loaded) return
      let mounted = true
      preload().then(
        () => {
          if (mounted) showLoaded()
        },
        (error: unknown) => console.error('Could not load a part of the interface', error)
      )
      return () => {
        mounted = false
      }
    }, [])
    const Loaded = loaded
    return Loaded ? <Loaded {...props} /> : fallback
  }
  Part.displayName = 'DeferredPart'

  return { Part, preload, isLoaded: () => loaded !== null }
}

// @vitest-environment jsdom
// A part kept out of the first chunk: shown once its chunk is in, and, once loaded, shown in the
// same render it is asked for (a dialog opened from the keyboard gets the keys typed right after).
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { deferredPart } from './deferredPart'

afterEach(cleanup)

function Greeting({ name }: { name: string }): React.JSX.Element {
  return <p>Hello {name}</p>
}

function controlledLoad() {
  let resolve: (component: typeof Greeting) => void = () => undefined
  let calls = 0
  const load = () => {
    calls += 1
    return new Promise<typeof Greeting>((done) => (resolve = done))
  }
  return { load, finish: (component: typeof Greeting) => resolve(component), calls: () => calls }
}

describe('deferredPart', () => {
  it('shows the fallback until the chunk is in, then the part with its props', async () => {
    const chunk = controlledLoad()
    const { Part, isLoaded } = deferredPart(chunk.load, <p>waiting</p>)
    render(<Part name="Nadia" />)
    expect(screen.getByText('waiting')).toBeTruthy()
    expect(isLoaded()).toBe(false)
    await act(async () => chunk.finish(Greeting))
    expect(screen.getByText('Hello Nadia')).toBeTruthy()
    expect(screen.queryByText('waiting')).toBeNull()
    expect(isLoaded()).toBe(true)
  })

  it('renders a preloaded part in its first render, never its fallback', async () => {
    const chunk = controlledLoad()
    const { Part, preload } = deferredPart(chunk.load, <p>waiting</p>)
    const loading = preload()
    chunk.finish(Greeting)
    await loading
    render(<Part name="Élise" />)
    expect(screen.getByText('Hello Élise')).toBeTruthy()
    expect(screen.queryByText('waiting')).toBeNull()
  })

  it('asks for the chunk once however often it is preloaded or rendered', async () => {
    const chunk = controlledLoad()
    const { Part, preload } = deferredPart(chunk.load)
    void preload()
    void preload()
    render(<Part name="A" />)
    render(<Part name="B" />)
    await act(async () => chunk.finish(Greeting))
    expect(chunk.calls()).toBe(1)
    expect(screen.getByText('Hello A')).toBeTruthy()
    expect(screen.getByText('Hello B')).toBeTruthy()
  })

  it('asks again after a failed load', async () => {
    let calls = 0
    const { preload, isLoaded } = deferredPart<{ name: string }>(() => {
      calls += 1
      return calls === 1 ? Promise.reject(new Error('host gone')) : Promise.resolve(Greeting)
    })
    await expect(preload()).rejects.toThrow('host gone')
    await preload()
    expect(calls).toBe(2)
    expect(isLoaded()).toBe(true)
  })
})

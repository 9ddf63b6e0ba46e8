/**
 * For hook tests: a real session with `state` set, over an API no test expects to be called,
 * and only the session among the services, so that reaching a feature's actions fails.
 */
import { unusedApi } from '../../lib/testing/fakeApi'
import type { AppServices } from '../AppContext'
import { createMessages } from '../messages'
import { createSession, type SessionState } from '../session'

export function sessionServices(state: Partial<SessionState> = {}): AppServices {
  const session = createSession(
    unusedApi(),
    'browser',
    createMessages(() => {})
  )
  session.store.set(state)
  return { session } as AppServices
}

/**
 * An API client for renderer tests that drive hooks and the session without a server: it
 * answers with the methods a test gives and fails the test loudly when any other method is
 * called, rather than being an empty object that would answer `undefined`.
 */
import type { ApiClient } from '../../../../shared/api/contract'

/** An API client answering with `methods`; any other method throws, naming itself. */
export function apiWith(methods: Partial<ApiClient>): ApiClient {
  return new Proxy(methods as ApiClient, {
    get: (target, method) =>
      (target as Record<string | symbol, unknown>)[method] ??
      (() => {
        throw new Error(`the API was called (${String(method)}) where no test expected it`)
      })
  })
}

/** An API client every method of which throws. */
export function unusedApi(): ApiClient {
  return apiWith({})
}

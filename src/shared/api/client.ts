/**
 * Builds a typed client over any transport, so the renderer's code is the same whether
 * it talks to Electron's preload or to the browser-mode host.
 */
import type { ApiClient, ApiTransport } from './contract'
import { API_METHODS, type ApiMethod } from './methods'

export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {}
  for (const method of API_METHODS) {
    client[method] = (input: unknown) => transport(method, input)
  }
  return client as ApiClient
}

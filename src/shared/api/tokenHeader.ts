/**
 * The header that carries browser mode's per-launch token on every API call. The host
 * checks it and the renderer's HTTP transport sends it: one name, so the two cannot drift.
 * A header rather than a cookie, which a hostile page could make the browser send.
 */
export const TOKEN_HEADER = 'x-dossier-token'

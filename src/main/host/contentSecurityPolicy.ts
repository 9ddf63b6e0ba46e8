/**
 * The one Content-Security-Policy for the renderer, whichever transport serves it.
 * Nothing may load from anywhere but the app itself: no remote scripts, styles, images,
 * fonts or connections, no frames, no forms, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'self'"
].join('; ')

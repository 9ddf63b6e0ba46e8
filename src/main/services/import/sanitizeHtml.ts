/**
 * Every piece of HTML Dossier imports (web pages, pasted fragments, converted Word files)
 * passes through here before it is read, because article HTML is hostile by default:
 * trackers, scripts, and markup crafted to survive naive sanitizers (mXSS).
 *
 * DOMPurify does the parsing-level work it is built for; the configuration is an allow
 * list of the structural and inline elements the block converter understands, with
 * `href` (http, https, mailto) the only attribute kept. Nothing else needs to survive,
 * so nothing else is allowed.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify'
import { JSDOM, VirtualConsole } from 'jsdom'
import { STRUCTURAL_ELEMENTS } from './htmlVocabulary'

const ALLOWED_TAGS = [
  ...STRUCTURAL_ELEMENTS,
  'br',
  'th',
  'td',
  // inline
  'a',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'kbd',
  'samp',
  'tt',
  'var',
  'sup',
  'sub',
  'mark',
  'small',
  'big',
  'abbr',
  'cite',
  'q',
  'time',
  'dfn',
  'font',
  'label'
]

/** Redundant with the allow list; kept so that a future widening of it cannot let these in. */
const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'meta',
  'link',
  'base',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'template',
  'noscript',
  'portal'
]

/** Elements whose text is chrome (buttons, menus, navigation), never article text. */
const DROPPED_WITH_CONTENT = ['nav', 'button', 'select', 'textarea', 'option', 'datalist', 'canvas', 'object', 'applet']

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href'],
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: ['style', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'srcdoc', 'background', 'poster'],
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false
}

let purifier: DOMPurify | undefined

/** One purifier for the process: its window is a blank page that never loads anything. */
function getPurifier(): DOMPurify {
  purifier ??= createDOMPurify(new JSDOM('', { virtualConsole: new VirtualConsole() }).window as unknown as WindowLike)
  return purifier
}

/** The sanitized HTML as a detached <body> to walk; only allowed elements and safe hrefs remain. */
export function sanitizeHtml(html: string): Element {
  return getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM: true })
}

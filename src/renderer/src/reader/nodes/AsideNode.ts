/**
 * A block that belongs to the page but not to the article's argument, such as a news
 * site's inline "→ Lire aussi : …" teaser. It is rendered set apart so the reader's eye
 * can skip it, while its text stays part of the article (and of anchor offsets).
 */
import {
  $applyNodeReplacement,
  ParagraphNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedParagraphNode
} from 'lexical'

export class AsideNode extends ParagraphNode {
  static override getType(): string {
    return 'article-aside'
  }

  static override clone(node: AsideNode): AsideNode {
    return new AsideNode(node.__key)
  }

  constructor(key?: NodeKey) {
    super(key)
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config)
    dom.classList.add('article-aside')
    dom.setAttribute('role', 'note')
    return dom
  }

  static override importJSON(serialized: SerializedParagraphNode): AsideNode {
    return $createAsideNode().updateFromJSON(serialized)
  }

  override exportJSON(): SerializedParagraphNode {
    return { ...super.exportJSON(), type: AsideNode.getType() }
  }
}

export function $createAsideNode(): AsideNode {
  return $applyNodeReplacement(new AsideNode())
}

export function $isAsideNode(node: LexicalNode | null | undefined): node is AsideNode {
  return node instanceof AsideNode
}

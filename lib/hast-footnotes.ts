/** Shared predicates for the footnote markup mdast-util-to-hast produces. */
import type { Nodes } from 'hast';
import { toString } from 'hast-util-to-string';

/** `<sup><a data-footnote-ref>` — the citation marker inside running text. */
export function isFootnoteReference(node: Nodes): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'sup' &&
    node.children.some(
      (child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined,
    )
  );
}

/** `<section data-footnotes>` — the generated References section. */
export function isFootnoteSection(node: Nodes): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'section' &&
    node.properties.dataFootnotes !== undefined
  );
}

/** `<a data-footnote-backref>` — the ↩ links at the end of each reference. */
export function isFootnoteBackref(node: Nodes): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'a' &&
    node.properties.dataFootnoteBackref !== undefined
  );
}

/**
 * Text of a node as a reader would name it: citation numbers and back-link arrows are
 * navigation, not words, so "Intimacy³" reads as "Intimacy".
 */
export function textWithoutFootnotes(node: Nodes): string {
  if (isFootnoteReference(node) || isFootnoteBackref(node)) return '';
  if (node.type === 'element' || node.type === 'root') {
    return node.children.map((child) => textWithoutFootnotes(child)).join('');
  }
  return toString(node);
}

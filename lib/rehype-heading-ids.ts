/**
 * Gives headings that contain a footnote citation an id built from their words alone.
 *
 * rehype-slug slugs all of a heading's text, so "Barriers … Intimacy[^bowlby-1973]" would get
 * `id="barriers-…-intimacy3"`, and the anchor would change whenever footnotes are renumbered.
 * Running before rehype-slug, this sets the id first; rehype-slug leaves headings that already
 * have one alone and slugs every other heading as usual.
 */
import GithubSlugger from 'github-slugger';
import { headingRank } from 'hast-util-heading-rank';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isFootnoteReference, textWithoutFootnotes } from './hast-footnotes';

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node) => {
      if (!headingRank(node) || node.properties.id) return;
      if (!node.children.some((child) => isFootnoteReference(child))) return;
      node.properties.id = slugger.slug(textWithoutFootnotes(node).trim());
    });
  };
}

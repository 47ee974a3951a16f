/**
 * Re-slugs headings that contain a footnote citation from their words alone.
 *
 * rehype-slug slugs all of a heading's text, so "Barriers … Intimacy[^bowlby-1973]" gets
 * `id="barriers-…-intimacy3"`, and the anchor would change whenever footnotes are renumbered.
 * Running right after rehype-slug, this gives such headings the id of their words, kept unique
 * against every other id in the document (`intro`, then `intro-1`).
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import { isFootnoteReference, textWithoutFootnotes } from './hast-footnotes';

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const cited: Element[] = [];
    const taken = new Set<string>();
    visit(tree, 'element', (node) => {
      if (headingRank(node) && node.children.some((child) => isFootnoteReference(child))) {
        cited.push(node);
      } else if (typeof node.properties.id === 'string') {
        taken.add(node.properties.id);
      }
    });
    for (const heading of cited) {
      const base = new GithubSlugger().slug(textWithoutFootnotes(heading).trim());
      let id = base;
      for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      heading.properties.id = id;
    }
  };
}

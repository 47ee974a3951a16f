/** Letters, digits and accents joined by hyphens (U+002D or U+2010): "long-form", "COVID-19". */
const COMPOUND = /([\p{L}\p{N}\p{M}]+(?:[-\u2010][\p{L}\p{N}\p{M}]+)+)/u;

/**
 * Text whose hyphenated compounds stay on one line. Browsers break after any hyphen, and a lede
 * that ends a line on "long-" reads as a slip. The words are kept whole with `white-space:
 * nowrap` rather than a non-breaking hyphen (U+2011), which the site's fonts lack: the browser
 * would draw it from another font.
 */
export function UnbrokenCompounds({ text }: { text: string }) {
  // split() with a capturing group puts the compounds at the odd indexes.
  return text.split(COMPOUND).map((part, index) =>
    index % 2 ? (
      <span key={index} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

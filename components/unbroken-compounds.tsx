/**
 * Text whose hyphenated compounds ("long-form", "well-being") stay on one line. Browsers break
 * after any hyphen, and a lede that ends a line on "long-" reads as a slip. The words are kept
 * whole with `white-space: nowrap` rather than a non-breaking hyphen (U+2011), which the site's
 * fonts lack: the browser would draw it from another font.
 */
const COMPOUND = /(\p{L}+(?:-\p{L}+)+)/u;

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

import type { OutlineEntry } from '@/lib/markdown';

/**
 * The article's outline as nested links. A `<details>` so that on phones it folds away; on wide
 * screens CSS keeps it open in the margin. References are linked last because they are part of
 * what a reader navigates to, even though they are not a heading in the body.
 */
export function TableOfContents({
  outline,
  referencesId,
}: {
  outline: OutlineEntry[];
  referencesId?: string;
}) {
  const sections: { entry: OutlineEntry; children: OutlineEntry[] }[] = [];
  for (const entry of outline) {
    const parent = sections.at(-1);
    if (entry.depth === 3 && parent) parent.children.push(entry);
    else sections.push({ entry, children: [] });
  }
  return (
    // Not searched: the headings are indexed where they stand in the body.
    <nav className="toc" aria-labelledby="toc-title" data-pagefind-ignore>
      <details>
        <summary id="toc-title">Contents</summary>
        <ol>
          {sections.map(({ entry, children }) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`}>{entry.text}</a>
              {children.length > 0 ? (
                <ol>
                  {children.map((child) => (
                    <li key={child.id}>
                      <a href={`#${child.id}`}>{child.text}</a>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
          {referencesId ? (
            <li>
              <a href={`#${referencesId}`}>References</a>
            </li>
          ) : null}
        </ol>
      </details>
    </nav>
  );
}

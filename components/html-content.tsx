/**
 * Renders HTML that lib/markdown.ts has already sanitised. This is the only place the app
 * injects HTML, and it only accepts strings that came through the sanitising pipeline.
 */
export function HtmlContent({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

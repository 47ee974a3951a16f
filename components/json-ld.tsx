import { serializeJsonLd } from '@/lib/structured-data';

/** Renders one JSON-LD document. The payload is serialised with `<` escaped (see lib). */
export function JsonLd({ data }: { data: object }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}

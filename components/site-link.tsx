'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type SiteLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * The site's internal link: next/link, prefetched when a reader shows intent (pointer over
 * it, keyboard focus, a finger on it) rather than as soon as it scrolls into view.
 *
 * next/link's default fetched the page data of every link on screen: on a phone, an article's
 * first screen cost about 18 requests and, while the page was still starting, main-thread work
 * that Lighthouse counted as blocking time (bench/README.md, "Latest results"). Readers follow
 * one link at most, and these pages are prerendered: a click costs one request for the page's
 * data, and intent usually starts it 100 ms or more before the click lands.
 */
export function SiteLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: SiteLinkProps) {
  const router = useRouter();
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        router.prefetch(href);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        router.prefetch(href);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        router.prefetch(href);
        onTouchStart?.(event);
      }}
    />
  );
}

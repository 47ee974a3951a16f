import { describe, expect, it } from 'vitest';
import { collapse, duplicateIds, fetchPage, unresolvedFragmentLinks } from '../support/html';

const ARTICLE = '/articles/building-trust-and-emotional-intimacy';
const TITLE = 'Building Trust and Emotional Intimacy: The Cornerstones of Meaningful Relationships';
const PAGES = ['/', ARTICLE, '/authors/patrick-b-watson', '/faq'];

describe('every page', () => {
  it.each(PAGES)('%s has landmarks, unique ids and resolving in-page links', async (path) => {
    const { status, $ } = await fetchPage(path);
    expect(status).toBe(200);
    expect($('html').attr('lang')).toBe('en');
    for (const landmark of ['header', 'main', 'footer', 'nav'])
      expect($(landmark).length).toBeGreaterThan(0);
    expect($('h1')).toHaveLength(1);
    expect(duplicateIds($)).toEqual([]);
    expect(unresolvedFragmentLinks($)).toEqual([]);
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect(collapse($('title').text())).not.toBe('');
  });
});

describe('home page', () => {
  it('lists the article with its description, date, author and reading time', async () => {
    const { $ } = await fetchPage('/');
    const card = $(`.card:has(a[href="${ARTICLE}"])`);
    expect(card).toHaveLength(1);
    expect(collapse(card.find('.card-title').text())).toBe(TITLE);
    expect(card.find('.card-description').text()).toMatch(/trust and emotional intimacy/i);
    expect(card.find('time').attr('datetime')).toBe('2023-10-01');
    expect(card.text()).toContain('Patrick B. Watson');
    expect(card.text()).toMatch(/\d+ min read/);
  });
});

describe('article page', () => {
  it('renders the headline, byline, dates and reading time', async () => {
    const { $ } = await fetchPage(ARTICLE);
    expect(collapse($('article h1').text())).toBe(TITLE);
    const byline = $('.byline');
    expect(byline.find('a[rel="author"]').attr('href')).toBe('/authors/patrick-b-watson');
    expect(byline.find('time').first().attr('datetime')).toBe('2023-10-01');
    expect(byline.text()).toMatch(/\d+ min read/);
    expect($('meta[name="description"]').attr('content')).toMatch(/trust and emotional intimacy/i);
  });

  it('has a table of contents free of footnote numbers', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const toc = $('nav.toc');
    const entries = toc
      .find('a')
      .map((_, a) => collapse($(a).text()))
      .get();
    expect(entries).toContain('Barriers to Building Trust and Emotional Intimacy');
    expect(entries).toContain('Strategies for Building Trust');
    expect(entries.every((text) => !/[a-z]\d$/i.test(text))).toBe(true);
    expect(toc.find('a[href="#barriers-to-building-trust-and-emotional-intimacy"]')).toHaveLength(
      1,
    );
    // The heading itself keeps its citation.
    expect(
      $('#barriers-to-building-trust-and-emotional-intimacy a[data-footnote-ref]').attr('href'),
    ).toBe('#fn-bowlby-1973');
  });

  it('links every citation to its reference and back', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const citations = $('a[data-footnote-ref]');
    expect(citations).toHaveLength(7);
    citations.each((i, el) => {
      const link = $(el);
      expect(link.attr('aria-label')).toBe(`Reference ${i + 1}`);
      const target = $(String(link.attr('href')));
      expect(target.is('li')).toBe(true);
      expect(target.find(`a[data-footnote-backref][href="#${link.attr('id')}"]`)).toHaveLength(1);
    });
    const references = $('section[data-footnotes]');
    expect(collapse(references.find('h2').text())).toBe('References');
    expect(references.find('li')).toHaveLength(7);
    expect(
      references
        .text()
        .match(/This academic paper discusses the importance of trust in relationships\./g),
    ).toHaveLength(1);
  });

  it('carries the video, the disclaimer, the FAQ link and the author', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const video = $('figure.video');
    expect(video.attr('data-video-id')).toBe('gh5VhaicC6g');
    expect(video.find('button').attr('aria-label')).toBe(
      'Play: Skills for Healthy Romantic Relationships',
    );
    expect(video.find('figcaption').text()).toContain('Joanne Davila, TEDxSBU');
    expect($('iframe')).toHaveLength(0);
    expect(collapse($('.note').text())).toContain('Artificial Intelligence (AI)');
    expect($('.faq-teaser a[href="/faq"]')).toHaveLength(1);
    expect($('.faq-teaser a[href^="/faq#"]')).toHaveLength(5);
    expect($('.author-card a[href="/authors/patrick-b-watson"]').text()).toBe('Patrick B. Watson');
  });

  it('keeps every section of the source', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const h2 = $('.prose:not(.references) h2')
      .map((_, h) => collapse($(h).text()).replace(/\d+$/, ''))
      .get();
    expect(h2).toEqual([
      'Understanding Trust and Emotional Intimacy',
      'The Significance of Trust and Emotional Intimacy',
      'Barriers to Building Trust and Emotional Intimacy',
      'Strategies for Building Trust',
      'Strategies for Fostering Emotional Intimacy',
      'Trust-Building Exercises',
      'Emotional Intimacy-Building Activities',
      'Maintaining Trust and Emotional Intimacy',
      'The Role of Forgiveness',
      'Video: “Skills for Healthy Romantic Relationships”',
    ]);
    expect($('.prose:not(.references) h3')).toHaveLength(23);
    expect($('.prose').text()).toContain(
      'In the end, building trust and emotional intimacy is a journey worth taking',
    );
  });
});

describe('author page', () => {
  it('shows the name, bio and articles', async () => {
    const { $ } = await fetchPage('/authors/patrick-b-watson');
    expect(collapse($('h1').text())).toBe('Patrick B. Watson');
    expect($('.author-bio').text()).toContain(
      'passionate advocate for sexual empowerment and education',
    );
    expect($(`.card a[href="${ARTICLE}"]`)).toHaveLength(1);
  });
});

describe('FAQ page', () => {
  it('gives each question a linkable heading followed by its answer', async () => {
    const { $ } = await fetchPage('/faq');
    const questions = $('h2.faq-question');
    expect(questions).toHaveLength(5);
    questions.each((_, el) => {
      const id = $(el).attr('id');
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect($(el).next('.faq-answer').text().length).toBeGreaterThan(50);
    });
    expect($('#what-are-the-signs-of-a-trust-issue-in-a-relationship').text()).toBe(
      'What are the signs of a trust issue in a relationship?',
    );
  });

  it('carries FAQPage JSON-LD equal to the visible questions and answers', async () => {
    const { $, html } = await fetchPage('/faq');
    const scripts = $('script[type="application/ld+json"]');
    const raw = scripts.map((_, el) => $(el).html() ?? '').get();
    const faq = raw.map((text) => JSON.parse(text)).find((doc) => doc['@type'] === 'FAQPage');
    expect(faq).toBeDefined();
    const visible = $('.faq-entry')
      .map((_, el) => ({
        name: collapse($(el).find('h2').text()),
        text: collapse($(el).find('.faq-answer').text()),
      }))
      .get();
    const structured = faq.mainEntity.map(
      (q: { name: string; acceptedAnswer: { text: string } }) => ({
        name: q.name,
        text: q.acceptedAnswer.text,
      }),
    );
    expect(structured).toEqual(visible);
    // No raw `<` inside JSON-LD: a string can never close the script element.
    for (const text of raw) expect(text).not.toContain('<');
    expect(html).toContain('"@context":"https://schema.org"');
  });
});

describe('not found', () => {
  it.each([
    '/articles/no-such-article',
    '/authors/nobody',
    '/no/such/page',
    '/video-posters/nope.svg',
  ])('%s answers 404 with the designed page', async (path) => {
    const { status, $ } = await fetchPage(path);
    expect(status).toBe(404);
    if (!path.endsWith('.svg')) {
      expect(collapse($('h1').text())).toBe('This page is not here');
      // "Everything we publish is a click away": the lists, search, tags and the FAQ.
      const links = $('main .not-found-links a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links).toEqual(['/', '/search', '/tags', '/faq']);
    }
  });
});

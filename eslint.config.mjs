import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  {
    ignores: [
      '.next/**',
      '.next-fixture/**',
      'out/**',
      'node_modules/**',
      'next-env.d.ts',
      'tests/artifacts/**',
      'bench/.work/**',
      'public/pagefind/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
  {
    // Internal links are plain <a>: next/link would add its client code to every page, and the
    // browser already prefetches on intent from the speculation rules in the root layout.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      // The rule asks for next/link on every internal link, which is the opposite choice.
      '@next/next/no-html-link-for-pages': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              message:
                'Use a plain <a>: pages are prerendered, and lib/speculation-rules.ts prefetches on intent.',
            },
          ],
        },
      ],
    },
  },
];

export default config;

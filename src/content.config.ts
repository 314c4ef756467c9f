// Wiring only: which files make which collection, validated by which schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema } from './schema/case.ts';
import { sourceSchema } from './schema/source.ts';

export const collections = {
  cases: defineCollection({
    loader: glob({ pattern: '**/[^_]*.mdx', base: './content/cases' }),
    schema: caseSchema,
  }),
  sources: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/sources' }),
    schema: sourceSchema,
  }),
};

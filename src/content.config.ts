// Wiring only: which files make which collection, validated by which schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema } from './schema/case.ts';
import { sourceSchema } from './schema/source.ts';

// Benchmarks point CONTENT_DIR at a generated library; everything else reads ./content.
const contentDir = process.env.CONTENT_DIR ?? './content';

export const collections = {
  cases: defineCollection({
    loader: glob({ pattern: '**/[^_]*.mdx', base: `${contentDir}/cases` }),
    schema: caseSchema,
  }),
  sources: defineCollection({
    loader: glob({ pattern: '*.json', base: `${contentDir}/sources` }),
    schema: sourceSchema,
  }),
};

/** `npm run guide`: writes CONTRIBUTING.md from the schema (a test fails if it is stale). */
import { writeFileSync } from 'node:fs';
import { guideMarkdown } from '../src/lib/guide.ts';

writeFileSync('CONTRIBUTING.md', guideMarkdown());
console.log('CONTRIBUTING.md written from src/schema/');

/**
 * `npm run check` (after astro check): every content problem at once, in Chinese and English,
 * each with file:line, field and fix. Exit code 1 when there is any error.
 * Usage: node scripts/check-content.ts [content-dir]
 */
const contentDir = process.argv[2] ?? 'content';
try {
  // Imported here, not above: the vocabularies are read as the modules load, and a bad one
  // (content/vocab/*.json) is then reported by its message below, not as a stack trace.
  const { checkProject } = await import('../src/lib/content-files.node.ts');
  const { report } = await import('../src/lib/content-report.ts');
  const result = checkProject(process.cwd(), contentDir);
  console.log(report(result));
  process.exit(result.errors.length ? 1 : 0);
} catch (error) {
  // Each file is checked on its own (src/lib/content-check.ts); this is a failure around them,
  // e.g. a folder that cannot be read. Say so in one line rather than with a stack trace.
  const message = String((error as Error)?.message ?? error);
  console.error(
    message.startsWith('词表 ')
      ? message
      : `内容检查无法运行：${message}。请确认在项目根目录运行，且 ${contentDir}/ 可读 / the content check could not run`,
  );
  process.exit(2);
}

export {};

/** The build's content-check result for pages (src/integrations/content-check.ts). */
declare module 'virtual:gongzuofa/content-check' {
  import type { Problem } from './lib/content-check.ts';
  const checked: {
    /** Entry files checked. */
    files: number;
    /** Number of errors (0 in a finished build: errors stop it). */
    errors: number;
    /** Problems that do not stop a build, for /backlog/. */
    warnings: Problem[];
  };
  export default checked;
}

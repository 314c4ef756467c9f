/**
 * `npm run package`: builds the site (BASE_PATH and SITE_URL as for `npm run build`) and writes
 * release/gongzuofa-<version>-<date>.tar.gz and .zip, each holding one folder with dist/ and
 * deploy/ (nginx.conf for the sub-path the site was built with, Dockerfile, 部署说明.md,
 * 构建信息.txt). The administrator needs nginx, not Node.
 *
 *   BASE_PATH=/gzf/ SITE_URL=https://dangjian.example.gov.cn/gzf/ npm run package
 *   node scripts/package.ts --dist <built folder> [--out release]   (package an existing build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { tarGz, zip, type ArchiveFile } from './lib/archive.ts';
import { BUILD_ENV } from './lib/build-env.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const given = option('dist');
const dist = resolve(given ?? process.env.OUT_DIR ?? 'dist');
const outDir = resolve(option('out') ?? 'release');

if (!given) {
  const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: { ...process.env, ...BUILD_ENV } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`没有构建结果 / no built site at ${dist}: run npm run build first, or drop --dist`);
  process.exit(1);
}

// The base the site was really built with, as its pages state it (<html data-base>), so the
// nginx.conf shipped always matches the links inside dist/.
const home = readFileSync(join(dist, 'index.html'), 'utf8');
const base = /<html[^>]*\bdata-base="([^"]+)"/.exec(home)?.[1];
if (!base) {
  console.error(`${dist}/index.html has no data-base attribute: was it built by this project?`);
  process.exit(1);
}
const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const date = new Date().toISOString().slice(0, 10);
const name = `gongzuofa-${version}-${date}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || '未知';
const nginx = readFileSync('deploy/nginx.conf', 'utf8')
  .replaceAll('/gzf/', base)
  .replaceAll('/gzf', base === '/' ? '' : base.slice(0, -1));
const info = [
  `工作法案例库 ${version}`,
  `打包日期：${date}`,
  `源代码版本：${commit}`,
  `子路径（BASE_PATH）：${base}`,
  `网址（SITE_URL）：${canonical ? canonical : '未设置（页面不写规范网址，订阅和数据导出使用相对地址）'}`,
  '',
].join('\n');

const files: ArchiveFile[] = [
  ...filesUnder(dist)
    .sort()
    .map((path) => ({ name: `${name}/dist/${relative(dist, path).split(sep).join('/')}`, data: readFileSync(path) })),
  { name: `${name}/deploy/nginx.conf`, data: Buffer.from(nginx) },
  { name: `${name}/deploy/Dockerfile`, data: readFileSync('deploy/Dockerfile') },
  { name: `${name}/deploy/部署说明.md`, data: readFileSync('deploy/部署说明.md') },
  { name: `${name}/deploy/构建信息.txt`, data: Buffer.from(info) },
];

mkdirSync(outDir, { recursive: true });
const tarPath = join(outDir, `${name}.tar.gz`);
const zipPath = join(outDir, `${name}.zip`);
writeFileSync(tarPath, tarGz(files));
writeFileSync(zipPath, zip(files));
const mb = (path: string) => (statSync(path).size / 1048576).toFixed(1);
console.log(`release: ${files.length} files, base ${base}${canonical ? '' : ', no SITE_URL'}`);
console.log(`  ${relative('.', tarPath)} (${mb(tarPath)} MB)`);
console.log(`  ${relative('.', zipPath)} (${mb(zipPath)} MB)`);

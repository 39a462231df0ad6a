import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../apps/web', import.meta.url));
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the web workbench when its build is missing or older than its sources. */
export function buildWebIfStale(log: (line: string) => void = console.log): boolean {
  if (!existsSync(join(WEB, 'package.json'))) return false;
  const built = newest(join(WEB, 'dist', 'index.html'));
  const source = Math.max(
    ...SOURCES.map((s) => newest(join(WEB, s))),
    newest(join(WEB, '../../packages/domain/src')),
  );
  if (built && built >= source) return false;
  log('正在构建前端（首次启动或代码有更新）…');
  // A test or development shell must not turn the served bundle into a development build.
  const result = spawnSync('npm', ['run', 'build', '-w', '@lianxi/web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('前端构建失败 / web build failed');
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildWebIfStale();

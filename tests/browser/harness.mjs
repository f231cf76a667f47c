// What the web browser tests share: their arguments, running `tenlik`, a store per
// backend, `tenlik serve` on a free loopback port, and Debian's chromium.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = '/usr/bin/chromium';

// --tenlik FILE [--artefacts DIR] [--web DIR], with the build folder's defaults.
export function parseArgs(argv, script) {
  const args = {
    tenlik: join(root, 'build/tenlik'),
    artefacts: join(root, 'build/test-artefacts'),
    web: join(root, 'web/dist'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) {
      throw new Error(`usage: ${script} --tenlik FILE [--artefacts DIR] [--web DIR]`);
    }
    args[key] = resolve(argv[i + 1]);
  }
  return args;
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Runs tenlik; its output, or an error with its standard error unless its exit code is in okCodes.
export function run(tenlik, args, options, okCodes = [0]) {
  try {
    return execFileSync(tenlik, args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...options });
  } catch (e) {
    if (okCodes.includes(e.status)) return e.stdout;
    throw new Error(`tenlik ${args.join(' ')} exited ${e.status}:\n${e.stderr}`);
  }
}

// The environment of a fresh store of `backend` in the new folder `dir`: a SQLite file,
// or a new database on $TENLIK_TEST_POSTGRES_URL's server that dropDatabase() removes.
export function storeEnv(args, backend, dir, prefix) {
  mkdirSync(dir);
  const env = { ...process.env, TENLIK_KEY: join(dir, 'tenlik.key'), TENLIK_WEB: args.web };
  let dropDatabase = null;
  if (backend === 'sqlite') {
    env.TENLIK_STORE = join(dir, 'tenlik.db');
  } else {
    const server = process.env.TENLIK_TEST_POSTGRES_URL;
    const database = `${prefix}_${process.pid}_${Date.now()}`;
    env.TENLIK_STORE = server.slice(0, server.lastIndexOf('/') + 1) + database;
    dropDatabase = () => execFileSync('psql', [server, '-q', '-c', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`],
      { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return { env, dropDatabase };
}

// The backends to run on: SQLite, and PostgreSQL when $TENLIK_TEST_POSTGRES_URL is set.
export function backends() {
  if (process.env.TENLIK_TEST_POSTGRES_URL) return ['sqlite', 'postgresql'];
  console.log('skip postgresql: TENLIK_TEST_POSTGRES_URL is not set');
  return ['sqlite'];
}

// Starts `tenlik serve` on a free loopback port; resolves to { url, log, stop }.
export function startServer(tenlik, env, cwd, web) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tenlik, ['--lang', 'en', 'serve', '--listen', '127.0.0.1:0', '--web', web],
      { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`tenlik serve did not start in 60 s:\n${log}`));
    }, 60000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m && !started) {
        started = true;
        clearTimeout(timer);
        const exited = new Promise((r) => child.once('exit', (code) => r(code)));
        resolvePromise({
          url: `http://127.0.0.1:${m[1]}`,
          log: () => log,
          stop: async () => {
            child.kill('SIGTERM');
            const code = await exited;
            if (code !== 0) throw new Error(`tenlik serve exited ${code}:\n${log.slice(-2000)}`);
          },
        });
      }
    });
    child.on('exit', (code) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`tenlik serve exited ${code} before listening:\n${log}`));
      }
    });
  });
}

// Checks that tenlik, the built front end, chromium and playwright-core are there,
// makes the artefacts folder and launches headless chromium.
export async function launchBrowser(args) {
  if (!existsSync(args.tenlik)) throw new Error(`${args.tenlik}: not built`);
  if (!existsSync(join(args.web, 'index.html'))) {
    throw new Error(`${args.web}/index.html: the front end is not built (npm ci && npm run build in web/)`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath}: missing (scripts/install-deps.sh installs chromium)`);
  const { chromium } = await import('playwright-core').catch(() => {
    throw new Error('playwright-core is not installed: run scripts/install-deps.sh (npm ci in tests/browser)');
  });
  mkdirSync(args.artefacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

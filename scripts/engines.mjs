// The browser engines the tests, the demo's smoke script and the screenshots run in: Chromium, Firefox ESR
// and WebKit (WebKitGTK's MiniBrowser), all from Debian's packages. Nothing here downloads a browser or a
// driver: each engine is found on the machine (or its path given in an environment variable), and
// installed with apt-get only by the scripts that say so (scripts/test.mjs, as root).
//
// Chromium is driven by Playwright (playwright-core), Firefox by puppeteer-core over WebDriver BiDi,
// WebKit by webdriverio over WebKitWebDriver (WebDriver classic). MiniBrowser has no headless mode: it
// gets its own virtual X display (Xvfb), which also keeps its window, and the keyboard focus, away from
// a desktop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

export const ENGINE_NAMES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/** Paths of a program under /usr/lib/<multiarch>/, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser. */
function underUsrLib(...relative) {
  let dirs = [];
  try {
    dirs = readdirSync('/usr/lib').filter((dir) => dir.endsWith('-linux-gnu'));
  } catch {
    // not a Debian-like system
  }
  return relative.flatMap((path) => dirs.map((dir) => `/usr/lib/${dir}/${path}`));
}

/**
 * What each engine needs: Debian packages, and the programs they install (each may be given by an
 * environment variable instead).
 */
export const ENGINES = {
  chromium: {
    label: 'Chromium',
    packages: ['chromium'],
    programs: {
      browser: {
        env: 'CHROMIUM_BIN',
        candidates: () => ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
      },
    },
  },
  firefox: {
    label: 'Firefox',
    packages: ['firefox-esr'],
    programs: {
      browser: { env: 'FIREFOX_BIN', candidates: () => ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
    },
  },
  webkit: {
    label: 'WebKit',
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    programs: {
      driver: { env: 'WEBKIT_DRIVER_BIN', candidates: () => ['/usr/bin/WebKitWebDriver'] },
      browser: {
        env: 'MINIBROWSER_BIN',
        candidates: () => underUsrLib('webkit2gtk-4.1/MiniBrowser', 'webkitgtk-6.0/MiniBrowser', 'webkit2gtk-4.0/MiniBrowser'),
      },
      // Not needed when a display is given (DISPLAY), though a virtual one is used whenever it is installed.
      xvfb: { env: 'XVFB_BIN', candidates: () => ['/usr/bin/Xvfb'], optional: () => !!process.env.DISPLAY },
    },
  },
};

/** The programs of `engine` found on this machine, and the names of those missing. */
export function findEngine(engine) {
  const paths = {};
  const missing = [];
  for (const [role, program] of Object.entries(ENGINES[engine].programs)) {
    const given = process.env[program.env];
    const path = given && existsSync(given) ? given : program.candidates().find((candidate) => existsSync(candidate));
    if (path) paths[role] = path;
    else if (!program.optional?.()) missing.push(role);
  }
  return { paths, missing, ok: missing.length === 0 };
}

/** The one line that tells a person how to get `engine`. */
export function installHint(engine) {
  const { programs, packages } = ENGINES[engine];
  const vars = Object.values(programs)
    .map((program) => program.env)
    .join(', ');
  return `${engine}: not found. Install it (Debian: \`sudo apt-get install ${packages.join(' ')}\`) or set ${vars}.`;
}

/** Installs Debian packages with apt-get when running as root; false when it cannot or it failed. */
export function aptInstall(packages) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!packages.length || !root || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return false;
  console.log(`Installing Debian's ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

/** The browser's version as it reports it, e.g. "Chromium 156.0.8078.114", "Mozilla Firefox 153.8.0esr". */
export function engineVersion(engine, paths = findEngine(engine).paths) {
  if (engine === 'webkit') {
    // MiniBrowser prints no version without a display; the library's package does.
    const query = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
    return query.status === 0 ? `WebKitGTK ${query.stdout.replace(/-.*$/, '')}` : 'WebKitGTK';
  }
  const run = spawnSync(paths.browser, ['--version'], { encoding: 'utf8', env: { ...process.env, MOZ_HEADLESS: '1' } });
  return (
    (run.stdout || '')
      .trim()
      .split('\n')
      .pop()
      ?.replace(/ built on .*$/, '') || ENGINES[engine].label
  );
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (no race with other X servers on the machine). */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '2560x1600x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let number = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve({ display: `:${number.trim()}`, stop: () => stopChild(child), kill: () => child.kill('SIGTERM') });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/**
 * Starts WebKitWebDriver on a free port (with a virtual display of its own when Xvfb is installed) and
 * returns what webdriverio's remote() needs, plus stop(). `env` goes to the driver and the browser it
 * starts (e.g. GDK_SCALE=2 for a device pixel ratio of 2).
 */
export async function startWebKitDriver(paths = findEngine('webkit').paths, { env = {} } = {}) {
  const screen = paths.xvfb ? await startXvfb(paths.xvfb) : { display: process.env.DISPLAY, stop: async () => undefined };
  const port = await freePort();
  const driver = spawn(paths.driver, [`--port=${port}`, '--host=local'], {
    env: { ...process.env, ...env, DISPLAY: screen.display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  driver.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  // Should this process end without stop() (an error, Ctrl+C), the driver (and with it MiniBrowser) and
  // the display go with it.
  const leftBehind = () => {
    driver.kill('SIGTERM');
    screen.kill?.();
  };
  process.once('exit', leftBehind);
  const stop = async () => {
    process.removeListener('exit', leftBehind);
    await stopChild(driver);
    await screen.stop();
  };
  const started = Date.now();
  for (;;) {
    if (driver.exitCode !== null) {
      await stop();
      throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${stderr.trim()}`);
    }
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      if (status.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 10_000) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on port ${port}: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    hostname: '127.0.0.1',
    port,
    path: '/',
    display: screen.display,
    capabilities: webkitCapabilities(paths.browser),
    stop,
  };
}

/**
 * WebKitWebDriver's capabilities for MiniBrowser. WebDriver classic: webdriverio 9 otherwise asks for
 * BiDi, which WebKitWebDriver refuses ("Failed to match capabilities").
 */
export function webkitCapabilities(browser) {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
  };
}

/** WebDriver's code points for the keys the tests press by name (Playwright's names). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
};

function webdriverKey(name) {
  if ([...name].length === 1) return name;
  const key = WEBDRIVER_KEYS[name];
  if (!key) throw new Error(`Unknown key: ${name}`);
  return key;
}

/**
 * One WebDriver key-action sequence for what `sendKeys` is asked: each character typed as its own
 * keyDown/keyUp pair, a named key pressed, a chord such as `Control+a` held and released in order.
 * (webdriverio's keys() presses everything down, then everything up, and WebKitWebDriver drops a
 * key pressed again while down: 13800135555 arrived as 1380135.)
 */
export function keyActions(keys) {
  const actions = [];
  for (const entry of keys) {
    const chord = entry.length > 1 && entry.includes('+') && entry !== '+' ? entry.split('+') : [entry];
    const codes = chord.map(webdriverKey);
    for (const code of codes) actions.push({ type: 'keyDown', value: code });
    for (const code of [...codes].reverse()) actions.push({ type: 'keyUp', value: code });
  }
  return [{ type: 'key', id: 'keyboard', actions }];
}

/**
 * Lets puppeteer's keyboard.press take Playwright's chords (`Control+a`), as the tests write them; puppeteer
 * itself rejects them ("Unknown key: Control+a").
 */
export function acceptChords(keyboard) {
  const press = keyboard.press.bind(keyboard);
  keyboard.press = async (key, options) => {
    if (key.length < 2 || !key.includes('+')) return press(key, options);
    const parts = key.split('+');
    const last = parts.pop();
    for (const modifier of parts) await keyboard.down(modifier);
    try {
      await press(last, options);
    } finally {
      for (const modifier of parts.reverse()) await keyboard.up(modifier);
    }
  };
  return keyboard;
}

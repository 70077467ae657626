'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** Range of the stack's default ports (8070-8091, 9092-9093), which other builds may hold. */
const DEFAULT_PORTS = { low: 8070, high: 9093 };

/** Returns true when `port` on 127.0.0.1 can be bound now. */
function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Finds a base port whose eight consecutive ports are free, away from the defaults. */
async function findFreeBasePort(random) {
  for (let tries = 0; tries < 50; tries += 1) {
    const base = 20000 + Math.floor(random() * 20000);
    if (base + 7 >= DEFAULT_PORTS.low && base <= DEFAULT_PORTS.high) {
      continue;
    }
    let free = true;
    for (let port = base; port < base + 8 && free; port += 1) {
      free = await isFree(port);
    }
    if (free) {
      return base;
    }
  }
  throw new Error('No eight consecutive free ports found between 20000 and 40000.');
}

/**
 * Starts `java -jar launcher/target/launcher.jar up` on free ports with its own data directory,
 * in its own process group so that `stop()` can end the launcher and every child it started.
 */
async function startStack(root, random) {
  const jar = path.join(root, 'launcher', 'target', 'launcher.jar');
  if (!fs.existsSync(jar)) {
    throw new Error('Missing ' + jar + ': build it first with `mvn -B -DskipTests package` from ' + root + '.');
  }
  const basePort = await findFreeBasePort(random);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashsale-client-it-'));
  const logFile = path.join(dataDir, 'launcher.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn('java', [
    '-Dflashsale.kafka.lib=' + path.join(root, 'embedded-kafka', 'target', 'kafka-lib'),
    '-Dflashsale.repository.root=' + root,
    '-jar', jar, 'up', '--base-port', String(basePort), '--data-dir', dataDir,
  ], { cwd: root, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);

  const stack = {
    basePort: basePort,
    dataDir: dataDir,
    logFile: logFile,
    ingestUrl: 'http://127.0.0.1:' + basePort,
    projectionUrl: 'http://127.0.0.1:' + (basePort + 4),
    exited: false,
    stop: () => stopStack(child, stack),
  };
  child.on('exit', () => { stack.exited = true; });
  // If this process ends before stop() ran (a test timeout, an uncaught error), the stack must
  // not outlive it.
  process.once('exit', () => {
    if (!stack.exited) {
      signalGroup(child.pid, 'SIGKILL');
    }
  });
  // A signal would end this process without the 'exit' event; exiting on it runs the handler.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  return stack;
}

/** Waits until the launcher prints that the stack runs, and fails early when the launcher exits. */
async function waitUntilRunning(stack, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = fs.existsSync(stack.logFile) ? fs.readFileSync(stack.logFile, 'utf8') : '';
    if (text.includes('The flash-sale stack is running')) {
      return;
    }
    if (stack.exited) {
      throw new Error('The launcher exited before the stack ran; its output:\n' + tail(text));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The stack did not start within ' + timeoutMs + ' ms; launcher output:\n'
    + tail(fs.readFileSync(stack.logFile, 'utf8')));
}

/**
 * Stops the launcher with SIGTERM, whose shutdown hook stops the broker and the services, and
 * kills the whole process group if that takes longer than 60 s.
 */
async function stopStack(child, stack) {
  if (!stack.exited) {
    signalGroup(child.pid, 'SIGTERM');
    const deadline = Date.now() + 60000;
    while (!stack.exited && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  // Children of the launcher share its process group; any left behind end here.
  signalGroup(child.pid, 'SIGKILL');
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

function tail(text) {
  return text.split('\n').slice(-40).join('\n');
}

/** Signs an HS256 JWT with the claims the services check: iss, sub, role, iat, nbf and exp. */
function signToken(secret, userId, role) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = encode({ alg: 'HS256', typ: 'JWT' }) + '.'
    + encode({ iss: 'flashsale', sub: userId, role: role, iat: now, nbf: now - 5, exp: now + 3600 });
  const signature = crypto.createHmac('sha256', secret).update(unsigned).digest('base64url');
  return unsigned + '.' + signature;
}

function readJwtSecret(stack) {
  return fs.readFileSync(path.join(stack.dataDir, 'jwt-secret'), 'utf8').trim();
}

module.exports = { startStack, waitUntilRunning, signToken, readJwtSecret };

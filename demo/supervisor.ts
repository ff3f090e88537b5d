/**
 * Starts each demo service in its own Node process and stops them again in order.
 * Children talk back over an IPC channel: "ready" once listening, "drained" once they
 * neither serve nor send requests any more (they then flush telemetry and exit). The
 * channel closing also tells a child that its parent is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ChildSpec {
  name: string;
  /** Script run through tsx, relative to the project root. */
  script: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

interface Child {
  spec: ChildSpec;
  proc: ChildProcess;
  /** Exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
  /** Resolves on the "drained" message or on exit, whichever comes first. */
  drained: Promise<void>;
  stopping: boolean;
}

const PROJECT_ROOT = path.resolve(__dirname, '..');

function isMessage(message: unknown, type: string): boolean {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === type;
}

/** Resolves true if `promise` settles first, false after `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}

export class Supervisor {
  private children = new Map<string, Child>();
  private onCrash: (name: string, code: number | null) => void = () => undefined;

  /** Called when a child exits without having been asked to. */
  onUnexpectedExit(handler: (name: string, code: number | null) => void): void {
    this.onCrash = handler;
  }

  /** Spawns all children and resolves once every one reports ready. */
  async start(specs: ChildSpec[], readyTimeoutMs = 30_000): Promise<void> {
    await Promise.all(specs.map((spec) => this.spawnOne(spec, readyTimeoutMs)));
  }

  private spawnOne(spec: ChildSpec, readyTimeoutMs: number): Promise<void> {
    // tsx as an --import loader (rather than the tsx CLI) keeps one process per service
    // and lets our signals reach the service itself.
    const proc = spawn(process.execPath, ['--import', 'tsx', spec.script, ...spec.args], {
      cwd: PROJECT_ROOT,
      env: spec.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code, signal) => resolve(signal ? null : code)));
    const drained = new Promise<void>((resolve) => {
      proc.on('message', (message: unknown) => isMessage(message, 'drained') && resolve());
      void exited.then(() => resolve());
    });
    const child: Child = { spec, proc, exited, drained, stopping: false };
    this.children.set(spec.name, child);

    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${spec.name} did not become ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
      proc.on('message', (message: unknown) => {
        if (!isMessage(message, 'ready')) return;
        clearTimeout(timer);
        resolve();
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.name} exited during startup (code ${code})`)); // no-op once ready
        if (!child.stopping) this.onCrash(spec.name, code);
      });
    });
  }

  /**
   * Stops children wave by wave: callers before callees, so nothing calls a service that
   * is already gone. A wave is done once its children are drained; their telemetry flushes
   * overlap with later waves. Children still running after `timeoutMs` are SIGKILLed.
   * Resolves with the names of children that had to be killed or exited non-zero.
   */
  async stop(waves: string[][], timeoutMs = 10_000): Promise<string[]> {
    const named = new Set(waves.flat());
    const rest = [...this.children.keys()].filter((name) => !named.has(name));
    const deadline = Date.now() + timeoutMs;
    for (const wave of [...waves, rest]) {
      const children = wave.flatMap((name) => this.children.get(name) ?? []);
      for (const child of children) this.signal(child, 'SIGTERM');
      await within(Promise.all(children.map((c) => c.drained)), Math.max(0, deadline - Date.now()));
    }

    const troubled: string[] = [];
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        if (!(await within(child.exited, Math.max(0, deadline - Date.now())))) {
          this.signal(child, 'SIGKILL');
          troubled.push(child.spec.name);
        } else if ((await child.exited) !== 0) {
          troubled.push(child.spec.name);
        }
      }),
    );
    return troubled;
  }

  /** Last resort (e.g. a second Ctrl+C): kill whatever is still running. */
  killAll(): void {
    for (const child of this.children.values()) this.signal(child, 'SIGKILL');
  }

  private signal(child: Child, signal: NodeJS.Signals): void {
    child.stopping = true;
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill(signal);
  }
}

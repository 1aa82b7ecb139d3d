// What the figures were measured on: CPU, cores, memory, OS, Node and Chromium, and how busy the machine was.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine's description; `chromium` is the browser's version string. */
export function describeMachine(chromium) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const osRelease = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return {
    cpu: model,
    cores: availableParallelism(),
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osRelease ?? process.platform,
    node: process.version,
    chromium,
    load: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

/**
 * CPU time of a process and its descendants (an nginx master and its workers), read from Linux
 * `/proc/<pid>/stat`: user + system time of all threads, in clock ticks. The same measure for the
 * runtime and for nginx, so their figures compare; a tick is usually 10 ms, so callers read it once
 * before and once after a whole measurement rather than per round.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second (`getconf CLK_TCK`); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** True where `/proc/<pid>/stat` can be read (Linux). */
export function canMeasureCpu(): boolean {
  return existsSync(`/proc/${process.pid}/stat`);
}

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly ticks: number;
}

/** Fields after the command name, which is parenthesised and may itself hold spaces. */
function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited between listing and reading
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // proc(5): fields 4 (ppid), 14 (utime) and 15 (stime), counted from 1 with pid and comm first.
  return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/** CPU milliseconds used so far by `pid` and every process below it. */
export function treeCpuMs(pid: number): number {
  const processes = allProcesses();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  const ticks = processes.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

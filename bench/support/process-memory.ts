import { readFile } from 'node:fs/promises';

/** The resident set of a process, from /proc (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kib) / 1024;
}

/** Samples a process's resident set every 10 ms until `stop()`, which answers the highest value seen. */
export function sampleRss(pid: number, initialMiB: number): { stop(): Promise<number> } {
  let peak = initialMiB;
  const sample = () => rssMiB(pid).then((rss) => (peak = Math.max(peak, rss)));
  const timer = setInterval(() => void sample().catch(() => undefined), 10);
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}

import type { ScanStats } from './scanner.js';

/**
 * Progress of a scan on standard error: blocks, transactions, megabytes, speed and findings.
 * On a terminal one line is redrawn at most four times a second; otherwise (a log file, a pipe)
 * a plain line is written every few seconds, so a log of a long scan stays readable.
 */
export class Progress {
  private last = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }, private readonly enabled = true) {}

  private get tty(): boolean {
    return this.out.isTTY === true;
  }

  update(stats: ScanStats, waiting: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < (this.tty ? 250 : 5000)) return;
    this.last = now;
    const line = this.line(stats, waiting);
    if (this.tty) {
      this.out.write(`\r\x1b[K${line}`);
      this.drawn = true;
    } else {
      this.out.write(`${line}\n`);
    }
  }

  /** A message line (an unreadable block…), written above the progress line. */
  say(message: string): void {
    this.clear();
    this.out.write(`${message}\n`);
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  line(stats: ScanStats, waiting: number): string {
    const seconds = Math.max(this.elapsedSeconds(), 0.001);
    const mb = stats.bytes / 1e6;
    return `scanning: ${stats.blocks} blocks, ${stats.transactions} transactions, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(1)} MB/s, ${stats.findings + waiting} findings, ${stats.errors} errors`;
  }
}

/** The closing lines of a scan, for people: what was read, what was found per method, what failed. */
export function summaryLines(stats: ScanStats, seconds: number): string[] {
  const mb = stats.bytes / 1e6;
  const lines = [
    `scanned ${stats.blocks} blocks and ${stats.transactions} transactions, ${mb.toFixed(2)} MB in ${seconds.toFixed(1)} s (${(mb / Math.max(seconds, 0.001)).toFixed(1)} MB/s)`,
    `findings: ${stats.findings} (${stats.payloads} payloads), ${stats.capped} capped by the decompression limit, ${stats.matched} matched a hash list or rule`,
  ];
  for (const [method, m] of Object.entries(stats.perMethod).sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${method}: ${m.findings} findings at ${m.locations} locations`);
  }
  lines.push(`errors: ${stats.errors}`);
  return lines;
}

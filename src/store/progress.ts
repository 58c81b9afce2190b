// A one-line progress bar for a TTY: count, rate, ETA; silent when the output is not a terminal.

export class Progress {
  private readonly t0 = Date.now();
  private last = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number | null,
    private readonly label = "ingest",
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.t0) / 1000);
    const rate = done / secs;
    const width = 24;
    let bar = "";
    let eta = "";
    if (this.total) {
      const f = Math.min(1, done / this.total);
      bar = `[${"#".repeat(Math.round(f * width)).padEnd(width, ".")}] `;
      eta = rate > 0 ? `  ETA ${fmt(Math.max(0, (this.total - done) / rate))}` : "";
    }
    this.stream.write(`\r${this.label} ${bar}${done}${this.total ? `/${this.total}` : ""}  ${rate.toFixed(1)}/s${eta}   `);
  }

  end(done: number): void {
    if (!this.enabled) return;
    this.update(done, true);
    this.stream.write("\n");
  }
}

function fmt(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

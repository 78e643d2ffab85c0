// Progress on stderr: a bar with rows/s and ETA redrawn in place on a terminal; a plain line
// every few seconds otherwise (logs and CI keep every line, so they must not be flooded).

const PLAIN_EVERY_MS = 5_000;
const REDRAW_EVERY_MS = 100;

export class Progress {
  #stream;
  #total;
  #label;
  #started = performance.now();
  #last = 0;
  #done = 0;
  #tty;

  /**
   * @param {NodeJS.WriteStream} stream
   * @param {string} label
   * @param {number} total
   */
  constructor(stream, label, total) {
    this.#stream = stream;
    this.#label = label;
    this.#total = total;
    this.#tty = Boolean(stream.isTTY);
  }

  /** @param {number} done */
  update(done) {
    this.#done = done;
    const now = performance.now();
    if (now - this.#last < (this.#tty ? REDRAW_EVERY_MS : PLAIN_EVERY_MS)) return;
    this.#last = now;
    this.#draw(now);
  }

  /** Draws the final state and ends the bar's line. */
  end() {
    this.#draw(performance.now());
    if (this.#tty) this.#stream.write('\n');
  }

  /** @param {number} now */
  #draw(now) {
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const left = this.#total - this.#done;
    const eta = rate > 0 && left > 0 ? ` ETA ${formatSeconds(left / rate)}` : '';
    const share = this.#total ? this.#done / this.#total : 1;
    const counts = this.#total
      ? `${this.#done}/${this.#total} rows (${Math.floor(share * 100)}%), ${rate.toFixed(0)} rows/s${eta}`
      : `${this.#done} rows, ${rate.toFixed(0)} rows/s`;
    if (this.#tty) {
      const width = 24;
      const filled = this.#total ? Math.round(share * width) : 0;
      this.#stream.write(`\r${this.#label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}\x1b[K`);
    } else {
      this.#stream.write(`${this.#label}: ${counts}\n`);
    }
  }
}

/** @param {number} s */
function formatSeconds(s) {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** How often a writer reports progress, in rows. */
export const PROGRESS_EVERY = 1000

/** Writes `chunk` to `out`, waiting for it to drain when its buffer is full. */
export async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
}

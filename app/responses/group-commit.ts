/**
 * Group commit: concurrent callers each submit one item; items that arrive within `maxWaitMs`
 * of each other (or while a write is running) are written by ONE `write` call, so a burst of N
 * submissions costs a few transactions instead of N. `write` returns one result per item, in
 * order, so each caller gets its own outcome; a thrown error goes to every caller of that batch.
 */
export type GroupCommitOptions = {
  /** Most items in one write. */
  maxBatch: number
  /** How long the first item of an idle queue waits for company. */
  maxWaitMs: number
  /** Writes running at once. */
  maxInFlight: number
  /**
   * After this long a write stops holding its slot (it still finishes, and its callers still get
   * its results): a hung database connection must not stall every later submission.
   */
  releaseAfterMs: number
}

export type GroupCommit<In, Out> = { submit(item: In): Promise<Out> }

type Waiting<In, Out> = { item: In; resolve(result: Out): void; reject(error: unknown): void }

export function createGroupCommit<In, Out>(
  write: (items: In[]) => Promise<Out[]>,
  options: GroupCommitOptions,
): GroupCommit<In, Out> {
  const queue: Waiting<In, Out>[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight = 0

  function schedule() {
    if (inFlight >= options.maxInFlight) return // the running write takes the queue when it ends
    if (queue.length >= options.maxBatch) start()
    else timer ??= setTimeout(start, options.maxWaitMs)
  }

  function start() {
    if (timer) clearTimeout(timer)
    timer = null
    while (inFlight < options.maxInFlight && queue.length > 0) run(queue.splice(0, options.maxBatch))
  }

  function run(batch: Waiting<In, Out>[]) {
    inFlight++
    let released = false
    const release = () => {
      if (released) return
      released = true
      inFlight--
      // Whatever queued meanwhile has already waited for this write: go now.
      if (queue.length > 0) start()
    }
    const stuck = setTimeout(release, options.releaseAfterMs)
    write(batch.map((waiting) => waiting.item))
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`Group commit: ${results.length} results for ${batch.length} items`)
          batch.forEach((waiting, index) => waiting.resolve(results[index]!))
        },
        (error: unknown) => {
          for (const waiting of batch) waiting.reject(error)
        },
      )
      .catch((error: unknown) => {
        for (const waiting of batch) waiting.reject(error)
      })
      .finally(() => {
        clearTimeout(stuck)
        release()
      })
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        schedule()
      })
    },
  }
}

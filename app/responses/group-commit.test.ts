import { describe, expect, test } from 'vitest'
import { createGroupCommit } from './group-commit'

const options = { maxBatch: 10, maxWaitMs: 5, maxInFlight: 1, releaseAfterMs: 1_000 }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('group commit', () => {
  test('concurrent submissions are written together and each caller gets its own result', async () => {
    const batches: number[][] = []
    const commit = createGroupCommit<number, string>(async (items) => {
      batches.push(items)
      return items.map((item) => `stored ${item}`)
    }, options)
    const results = await Promise.all([1, 2, 3].map((item) => commit.submit(item)))
    expect(results).toEqual(['stored 1', 'stored 2', 'stored 3'])
    expect(batches).toEqual([[1, 2, 3]])
  })

  test('batches hold at most maxBatch items', async () => {
    const sizes: number[] = []
    const commit = createGroupCommit<number, number>(async (items) => {
      sizes.push(items.length)
      return items
    }, options)
    await Promise.all(Array.from({ length: 25 }, (_, i) => commit.submit(i)))
    expect(sizes.every((size) => size <= 10)).toBe(true)
    expect(sizes.reduce((a, b) => a + b)).toBe(25)
  })

  test('what arrives during a write goes into the next write, right after it', async () => {
    const batches: number[][] = []
    const commit = createGroupCommit<number, number>(async (items) => {
      batches.push(items)
      await sleep(30)
      return items
    }, options)
    const first = commit.submit(1)
    await sleep(10)
    const later = [commit.submit(2), commit.submit(3)]
    await Promise.all([first, ...later])
    expect(batches).toEqual([[1], [2, 3]])
  })

  test('with maxInFlight 2 a second batch is written while the first is still running', async () => {
    const started: number[][] = []
    let running = 0
    let most = 0
    const commit = createGroupCommit<number, number>(
      async (items) => {
        started.push(items)
        most = Math.max(most, ++running)
        await sleep(30)
        running--
        return items
      },
      { ...options, maxInFlight: 2 },
    )
    const first = commit.submit(1)
    await sleep(10)
    const second = commit.submit(2)
    await sleep(10)
    const third = commit.submit(3)
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 3])
    expect(most).toBe(2)
    expect(started).toEqual([[1], [2], [3]])
  })

  test('a failed write fails its own callers only', async () => {
    const commit = createGroupCommit<number, number>(async (items) => {
      if (items.includes(1)) throw new Error('boom')
      return items
    }, options)
    await expect(commit.submit(1)).rejects.toThrow('boom')
    await expect(commit.submit(2)).resolves.toBe(2)
  })

  test('a write that hangs stops holding its slot after releaseAfterMs', async () => {
    let calls = 0
    const commit = createGroupCommit<number, number>(
      async (items) => {
        calls++
        if (calls === 1) await new Promise(() => {})
        return items
      },
      { ...options, releaseAfterMs: 20 },
    )
    void commit.submit(1)
    await sleep(10)
    await expect(commit.submit(2)).resolves.toBe(2)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest';

// writeStdout against a descriptor that is full for a while, or closed by its reader.
const writes: string[] = [];
let failures: string[] = [];
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  writeSync: (fd: number, bytes: Buffer) => {
    expect(fd).toBe(1);
    const code = failures.shift();
    if (code) throw Object.assign(new Error(code), { code });
    const n = Math.min(bytes.length, 5); // a few bytes at a time, as a nearly full pipe takes them
    writes.push(bytes.subarray(0, n).toString('latin1'));
    return n;
  },
}));
const { writeStdout } = await import('../../src/io/stdout.js');

afterEach(() => {
  writes.length = 0;
  failures = [];
});

describe('writeStdout', () => {
  it('writes everything, in parts, and waits out a full non-blocking pipe', () => {
    failures = ['EAGAIN', 'EAGAIN'];
    writeStdout('计划 plan 2023');
    expect(Buffer.from(writes.join(''), 'latin1').toString('utf8')).toBe('计划 plan 2023');
    expect(failures).toEqual([]);
  });

  it('writes a text longer than its chunks whole, characters split across chunks included', () => {
    const text = `a${'计划 plan 2023 😀\n'.repeat(9000)}`; // 64 KiB chunks end inside characters
    writeStdout(text);
    expect(Buffer.from(writes.join(''), 'latin1').equals(Buffer.from(text))).toBe(true);
  });

  it('drops the rest when the reader has gone (EPIPE, or ECONNRESET from a socket), and throws other errors', () => {
    failures = ['EPIPE'];
    expect(() => writeStdout('x'.repeat(20))).not.toThrow();
    expect(writes).toEqual([]);
    failures = [undefined!, 'ECONNRESET']; // after a first write
    expect(() => writeStdout('x'.repeat(20))).not.toThrow();
    expect(writes).toEqual(['xxxxx']);
    failures = ['ENOSPC'];
    expect(() => writeStdout('x')).toThrow('ENOSPC');
  });
});

// Whether a file still holds the bytes it held when it was read, from stat alone, as git decides
// whether a work-tree file changed: same device, inode, size, modification and change times (ns).
// That holds unless the file was written twice within one tick of the clock that stamps its times
// ("racy" in git's words): so a state is relied on only once its last change is older than any
// such tick, when a later write must show in the times. The change time cannot be set by a
// program, so copying old times back onto a file does not hide a change.
import { statSync } from 'node:fs';

/** A regular file's state as stat reports it. */
export interface FileState {
  /** `dev:ino:size:mtime:ctime`, times in nanoseconds. */
  readonly key: string;
  readonly size: number;
  /** Last changed long enough ago that a further write cannot get the same times. */
  readonly settled: boolean;
}

/** The state of a regular file, or undefined for anything else (or what cannot be stat'ed). */
export function fileState(file: string, now = Date.now()): FileState | undefined {
  let st;
  try {
    st = statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  return {
    key: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`,
    size: Number(st.size),
    settled: settled(st.mtimeNs, st.ctimeNs, now),
  };
}

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;
/** Longer than the tick of any clock that stamps sub-second times (Linux: a jiffy, at most 10 ms; exFAT: 10 ms). */
const SETTLE_MS = 100n;
/** For file systems that stamp whole seconds (FAT stamps modification times to 2 s). */
const SETTLE_WHOLE_SECONDS_MS = 3000n;

/** Whether times stamped `mtime` and `ctime` (ns) are old enough, at `now` (ms), that a later write would show. */
export function settled(mtime: bigint, ctime: bigint, now: number): boolean {
  const last = mtime > ctime ? mtime : ctime;
  const wholeSeconds = mtime % NS_PER_S === 0n && ctime % NS_PER_S === 0n;
  // A time ahead of the clock (a skewed network file system) is not settled until the clock passes it.
  return BigInt(Math.floor(now)) * NS_PER_MS - last > (wholeSeconds ? SETTLE_WHOLE_SECONDS_MS : SETTLE_MS) * NS_PER_MS;
}

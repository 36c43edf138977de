import JSZip from 'jszip';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';

/**
 * The most a part of a Word or Excel file may inflate to (and all parts together): far above any
 * real annex, far below what a crafted archive (a "zip bomb") would make us hold in memory.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** The archive in `bytes`; a file that is no ZIP archive (or a truncated one) is refused as `invalid(reason)`. */
export async function openZip(bytes: Uint8Array, invalid: (reason: string) => string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new PlanError(invalid(e instanceof Error ? e.message : String(e)));
  }
}

interface InternalStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): InternalStream;
  on(event: 'error', fn: (e: Error) => void): InternalStream;
  on(event: 'end', fn: () => void): InternalStream;
  pause(): InternalStream;
  resume(): InternalStream;
}

/**
 * An entry's bytes, inflated a chunk at a time and refused (PlanError) as soon as they pass
 * `max`, whatever size the archive claims. `counted` carries a total over several entries.
 */
export async function readEntry(zip: JSZip, name: string, file: string, counted = { bytes: 0 }, max = MAX_INFLATED_BYTES): Promise<Buffer> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    // internalStream is JSZip's documented streaming API, missing from its type definitions.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): InternalStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        counted.bytes += chunk.length;
        if (counted.bytes > max) {
          stream.pause();
          reject(new PlanError(m.office.inflatedTooLarge(file, name, max)));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e: Error) => reject(e))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .resume();
  });
}

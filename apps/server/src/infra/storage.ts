import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.ts';

export type StoredFile = { key: string; size: number; sha256: string };
export type Storage = {
  put: (source: Readable, maxBytes: number) => Promise<StoredFile>;
  open: (key: string) => Promise<ReadStream>;
  remove: (key: string) => Promise<void>;
};

/**
 * Files on local disk, written as they stream in (never held whole in memory), to a temporary
 * name first so that a failed or oversized upload leaves nothing behind.
 */
export function createDiskStorage(root: string): Storage {
  const dir = path.resolve(root);
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    async put(source, maxBytes) {
      const key = randomUUID();
      const target = fileOf(key);
      const temp = `${target}.part`;
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(
              new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes`, {
                reason: 'file_too_large',
              }),
            );
            return;
          }
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(temp));
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { key, size, sha256: hash.digest('hex') };
    },
    async open(key) {
      const file = fileOf(key);
      await stat(file);
      return createReadStream(file);
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

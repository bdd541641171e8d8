import { crc32, inflateRawSync } from 'node:zlib';

/** A zip archive that cannot be read: corrupt, truncated, or using unsupported features. */
export class ZipFormatError extends Error {
  name = 'ZipFormatError' as const;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads the files of a zip archive whose names `select` accepts, in archive order.
 *
 * A minimal reader for GitHub Actions artifacts (stored or deflated entries, no zip64, no
 * encryption): no zip library is a dependency of this plugin. Sizes come from the central
 * directory and every entry is CRC-checked, and `maxEntryBytes` bounds the inflated size
 * so that a small archive cannot expand into gigabytes.
 */
export function readZip(
  archive: Buffer,
  options: { select: (name: string) => boolean; maxEntryBytes: number },
): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(archive);
  const entryCount = archive.readUInt16LE(eocd + 10);
  const directorySize = archive.readUInt32LE(eocd + 12);
  let offset = archive.readUInt32LE(eocd + 16);
  if (offset + directorySize > eocd) {
    throw new ZipFormatError('Central directory lies outside the archive');
  }

  const entries: ZipEntry[] = [];
  for (let i = 0; i < entryCount; i++) {
    ensure(archive, offset, 46);
    if (archive.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`Bad central directory entry ${i}`);
    }
    const flags = archive.readUInt16LE(offset + 8);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const size = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    ensure(archive, offset + 46, nameLength);
    const name = archive.toString(
      'utf8',
      offset + 46,
      offset + 46 + nameLength,
    );
    offset += 46 + nameLength + extraLength + commentLength;

    if (name.endsWith('/') || !options.select(name)) {
      continue;
    }
    if (flags & 0x1) {
      throw new ZipFormatError(`${name} is encrypted`);
    }
    if (size > options.maxEntryBytes) {
      throw new ZipFormatError(
        `${name} is ${size} bytes, more than the limit of ${options.maxEntryBytes}`,
      );
    }
    const data = readEntry(archive, {
      name,
      method,
      localOffset,
      compressedSize,
      size,
      maxEntryBytes: options.maxEntryBytes,
    });
    if (crc32(data) !== crc) {
      throw new ZipFormatError(`${name} fails its CRC check`);
    }
    entries.push({ name, data });
  }
  return entries;
}

function readEntry(
  archive: Buffer,
  entry: {
    name: string;
    method: number;
    localOffset: number;
    compressedSize: number;
    size: number;
    maxEntryBytes: number;
  },
): Buffer {
  const { name, localOffset } = entry;
  ensure(archive, localOffset, 30);
  if (archive.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`Bad local header of ${name}`);
  }
  // The local header's own lengths, not the central directory's: they may differ.
  const start =
    localOffset +
    30 +
    archive.readUInt16LE(localOffset + 26) +
    archive.readUInt16LE(localOffset + 28);
  ensure(archive, start, entry.compressedSize);
  const compressed = archive.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === STORED) {
    data = compressed;
  } else if (entry.method === DEFLATED) {
    try {
      data = inflateRawSync(compressed, {
        maxOutputLength: Math.max(entry.maxEntryBytes, 1),
      });
    } catch (error) {
      throw new ZipFormatError(
        `Cannot inflate ${name}: ${(error as Error).message}`,
      );
    }
  } else {
    throw new ZipFormatError(
      `${name} uses unsupported compression method ${entry.method}`,
    );
  }
  if (data.length !== entry.size) {
    throw new ZipFormatError(
      `${name} is ${data.length} bytes, its header says ${entry.size}`,
    );
  }
  return data;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record ends the archive, followed only by a comment of at most 65535 bytes.
  const lowest = Math.max(0, archive.length - EOCD_MIN_SIZE - 0xffff);
  for (let i = archive.length - EOCD_MIN_SIZE; i >= lowest; i--) {
    if (archive.readUInt32LE(i) === EOCD_SIGNATURE) {
      return i;
    }
  }
  throw new ZipFormatError('Not a zip archive: no end of central directory');
}

function ensure(archive: Buffer, offset: number, length: number) {
  if (offset < 0 || offset + length > archive.length) {
    throw new ZipFormatError('Archive is truncated');
  }
}

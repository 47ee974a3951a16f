/**
 * WOFF 1.0 to the plain TrueType/OpenType file it wraps (W3C WOFF 1.0, section 4 to 6).
 *
 * The share cards are drawn by Pango through sharp, which loads fonts by file path through
 * fontconfig, and fontconfig skips WOFF files: a card asking for "Inter" silently got DejaVu Sans.
 * The npm font packages ship only WOFF and WOFF2, so the card fonts are unwrapped here: a WOFF
 * file is the font's tables, each zlib-compressed when that made it smaller, behind a
 * directory. Unwrapping is lossless: every table comes back byte for byte, with its checksum.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_BYTES = 44;
const WOFF_ENTRY_BYTES = 20;
const SFNT_HEADER_BYTES = 12;
const SFNT_ENTRY_BYTES = 16;

interface TableEntry {
  tag: number;
  offset: number;
  compressedLength: number;
  length: number;
  checksum: number;
}

function readEntries(woff: Buffer, count: number): TableEntry[] {
  const entries: TableEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = WOFF_HEADER_BYTES + index * WOFF_ENTRY_BYTES;
    entries.push({
      tag: woff.readUInt32BE(at),
      offset: woff.readUInt32BE(at + 4),
      compressedLength: woff.readUInt32BE(at + 8),
      length: woff.readUInt32BE(at + 12),
      checksum: woff.readUInt32BE(at + 16),
    });
  }
  return entries;
}

function tableData(woff: Buffer, entry: TableEntry, label: string): Buffer {
  const end = entry.offset + entry.compressedLength;
  if (end > woff.length) throw new Error(`${label}: a table runs past the end of the file`);
  const stored = woff.subarray(entry.offset, end);
  // The spec stores a table uncompressed exactly when compressing did not make it smaller.
  if (entry.compressedLength >= entry.length) {
    if (stored.length !== entry.length) throw new Error(`${label}: a table has the wrong length`);
    return stored;
  }
  let data: Buffer;
  try {
    // Bounded by the length the directory declares: a hostile file cannot inflate further.
    data = inflateSync(stored, { maxOutputLength: entry.length });
  } catch (error) {
    throw new Error(`${label}: a table does not decompress`, { cause: error });
  }
  if (data.length !== entry.length) throw new Error(`${label}: a table has the wrong length`);
  return data;
}

/** The SFNT (TrueType or OpenType) font inside a WOFF 1.0 file. `label` names it in errors. */
export function sfntFromWoff(woff: Buffer, label = 'font'): Buffer {
  if (woff.length < WOFF_HEADER_BYTES || woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error(`${label}: not a WOFF 1.0 file`);
  }
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const totalSfntSize = woff.readUInt32BE(16);
  if (count === 0) throw new Error(`${label}: the file holds no tables`);
  if (WOFF_HEADER_BYTES + count * WOFF_ENTRY_BYTES > woff.length) {
    throw new Error(`${label}: the table directory runs past the end of the file`);
  }
  const entries = readEntries(woff, count);
  // The SFNT header's binary-search fields (OpenType spec, "Table directory").
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= count) {
    searchRange *= 2;
    entrySelector += 1;
  }
  searchRange *= SFNT_ENTRY_BYTES;

  const header = Buffer.alloc(SFNT_HEADER_BYTES + count * SFNT_ENTRY_BYTES);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * SFNT_ENTRY_BYTES - searchRange, 10);

  const parts: Buffer[] = [header];
  let offset = header.length;
  entries.forEach((entry, index) => {
    const data = tableData(woff, entry, label);
    const at = SFNT_HEADER_BYTES + index * SFNT_ENTRY_BYTES;
    header.writeUInt32BE(entry.tag, at);
    header.writeUInt32BE(entry.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(entry.length, at + 12);
    // Tables start on four-byte boundaries.
    const padding = (4 - (data.length % 4)) % 4;
    parts.push(data, Buffer.alloc(padding));
    offset += data.length + padding;
  });
  const sfnt = Buffer.concat(parts);
  if (sfnt.length !== totalSfntSize) {
    throw new Error(`${label}: the font is ${sfnt.length} bytes, the header says ${totalSfntSize}`);
  }
  return sfnt;
}

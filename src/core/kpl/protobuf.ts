/**
 * Just enough of the protobuf wire format to read a KPL AggregatedRecord: varints and
 * length-delimited fields, with every other wire type skipped. Any malformed input throws
 * ProtobufError; nothing here allocates more than the fields it returns.
 */

export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

/** A cursor over bytes[start, end). */
export class ProtoReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * An unsigned varint as a number. Values above 2^53 lose precision, which is harmless here: they
   * are only ever table indexes, and no table is that long.
   */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtobufError('a varint runs past the end');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new ProtobufError('a varint is longer than 10 bytes');
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wire: number } {
    const t = this.varint();
    const field = Math.floor(t / 8);
    if (field === 0) throw new ProtobufError('field number 0');
    return { field, wire: t % 8 };
  }

  /** A length-delimited field as [start, end) into `bytes`. */
  lengthDelimited(): [number, number] {
    const n = this.varint();
    const start = this.pos;
    if (n > this.end - start) throw new ProtobufError('a field runs past the end');
    this.pos = start + n;
    return [start, start + n];
  }

  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_LENGTH:
        this.lengthDelimited();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        throw new ProtobufError(`unsupported wire type ${wire}`);
    }
  }

  private advance(n: number): void {
    if (n > this.end - this.pos) throw new ProtobufError('a field runs past the end');
    this.pos += n;
  }
}

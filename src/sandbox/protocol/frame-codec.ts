import { NOISE_WA_HEADER } from 'baileys';

const MAX_FRAME = 0xffffff;

/**
 * Splits the client's byte stream into 3-byte-length-prefixed frames. The very first bytes carry
 * the intro header: `WA 06 03`, or an `ED 00 01 <len:3> <routing info>` prefix followed by it
 * when the client has edge routing info.
 */
export class FrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private introParsed = false;
  /** The `WA..` header as the client sent it; it is mixed into the Noise hash. */
  header: Buffer | undefined;

  push(data: Uint8Array): Buffer[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(data) : Buffer.concat([this.buffer, data]);
    const frames: Buffer[] = [];
    if (!this.introParsed && !this.parseIntro()) {
      return frames;
    }
    while (this.buffer.length >= 3) {
      const size = (this.buffer[0]! << 16) | (this.buffer[1]! << 8) | this.buffer[2]!;
      if (this.buffer.length < size + 3) {
        break;
      }
      frames.push(this.buffer.subarray(3, size + 3));
      this.buffer = this.buffer.subarray(size + 3);
    }
    return frames;
  }

  private parseIntro(): boolean {
    let offset = 0;
    if (this.buffer.length >= 2 && this.buffer.toString('latin1', 0, 2) === 'ED') {
      if (this.buffer.length < 7) {
        return false;
      }
      const routingLength = (this.buffer[4]! << 16) | this.buffer.readUInt16BE(5);
      offset = 7 + routingLength;
    }
    const headerLength = NOISE_WA_HEADER.length;
    if (this.buffer.length < offset + headerLength) {
      return false;
    }
    const header = this.buffer.subarray(offset, offset + headerLength);
    if (header.toString('latin1', 0, 2) !== 'WA') {
      throw new Error('frame: missing WA intro header');
    }
    this.header = Buffer.from(header);
    this.buffer = this.buffer.subarray(offset + headerLength);
    this.introParsed = true;
    return true;
  }
}

export const encodeFrame = (payload: Uint8Array): Buffer => {
  if (payload.byteLength > MAX_FRAME) {
    throw new Error(`frame: payload of ${payload.byteLength} bytes exceeds the 3-byte length`);
  }
  const frame = Buffer.allocUnsafe(3 + payload.byteLength);
  frame[0] = (payload.byteLength >>> 16) & 0xff;
  frame[1] = (payload.byteLength >>> 8) & 0xff;
  frame[2] = payload.byteLength & 0xff;
  frame.set(payload, 3);
  return frame;
};

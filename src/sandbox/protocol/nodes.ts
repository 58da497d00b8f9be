import { getBinaryNodeChild, getBinaryNodeChildren, S_WHATSAPP_NET, type BinaryNode } from 'baileys';
import { randomBytes } from 'node:crypto';

export type { BinaryNode };

export const child = (node: BinaryNode | undefined, tag: string): BinaryNode | undefined => getBinaryNodeChild(node, tag);

export const childrenOf = (node: BinaryNode | undefined, tag?: string): BinaryNode[] => {
  if (!node || !Array.isArray(node.content)) {
    return [];
  }
  return tag === undefined ? node.content : getBinaryNodeChildren(node, tag);
};

export const bytesOf = (node: BinaryNode | undefined): Buffer | undefined => {
  if (!node || node.content === undefined || Array.isArray(node.content)) {
    return undefined;
  }
  return typeof node.content === 'string' ? Buffer.from(node.content, 'utf8') : Buffer.from(node.content);
};

export const childBytes = (node: BinaryNode | undefined, tag: string): Buffer | undefined => bytesOf(child(node, tag));

/** Reads a big-endian unsigned integer from a child's bytes (key ids are 3 bytes, registration ids 4). */
export const childUInt = (node: BinaryNode | undefined, tag: string): number | undefined => {
  const bytes = childBytes(node, tag);
  if (!bytes || bytes.length === 0 || bytes.length > 6) {
    return undefined;
  }
  return bytes.readUIntBE(0, bytes.length);
};

export const unixTime = (): string => Math.floor(Date.now() / 1000).toString();

/** Server-generated stanza ids; the shape only needs to be unique per connection. */
export const newStanzaId = (): string => randomBytes(8).toString('hex').toUpperCase();

/** WhatsApp-style message ids as a phone would generate them. */
export const newMessageId = (): string => `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;

export const iqResult = (iq: BinaryNode, content?: BinaryNode[]): BinaryNode => ({
  tag: 'iq',
  attrs: { id: iq.attrs.id ?? newStanzaId(), type: 'result', from: iq.attrs.to ?? S_WHATSAPP_NET },
  ...(content ? { content } : {}),
});

export const iqError = (iq: BinaryNode, code: number, text: string): BinaryNode => ({
  tag: 'iq',
  attrs: { id: iq.attrs.id ?? newStanzaId(), type: 'error', from: iq.attrs.to ?? S_WHATSAPP_NET },
  content: [{ tag: 'error', attrs: { code: String(code), text } }],
});

/** One-line description of a stanza for the structured log; never includes payload bytes. */
export const summarize = (node: BinaryNode): string => {
  const attrs = Object.entries(node.attrs)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const content = node.content;
  let inner = '';
  if (Array.isArray(content)) {
    inner = content.map(c => c.tag).join(',');
  } else if (content !== undefined) {
    inner = `${typeof content === 'string' ? content.length : content.byteLength}B`;
  }
  return `<${node.tag}${attrs ? ` ${attrs}` : ''}>${inner}`;
};

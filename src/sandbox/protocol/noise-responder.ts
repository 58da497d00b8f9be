import { aesDecryptGCM, aesEncryptGCM, Curve, hkdf, NOISE_MODE, proto, sha256, type KeyPair } from 'baileys';

const IV_LENGTH = 12;
const EMPTY = Buffer.alloc(0);

const ivFor = (counter: number): Buffer => {
  const iv = Buffer.alloc(IV_LENGTH);
  iv.writeUInt32BE(counter >>> 0, 8);
  return iv;
};

/** Post-handshake AES-GCM transport: counter IVs, empty AAD, one counter per direction. */
export class NoiseTransport {
  private readCounter = 0;
  private writeCounter = 0;

  constructor(
    private readonly encKey: Uint8Array,
    private readonly decKey: Uint8Array,
  ) {}

  encrypt(plaintext: Uint8Array): Buffer {
    return aesEncryptGCM(plaintext, this.encKey, ivFor(this.writeCounter++), EMPTY);
  }

  decrypt(ciphertext: Uint8Array): Buffer {
    return aesDecryptGCM(ciphertext, this.decKey, ivFor(this.readCounter++), EMPTY);
  }
}

export interface HandshakeResult {
  /** The client's static Noise key (creds.noiseKey.public): identifies the companion device. */
  clientStatic: Buffer;
  payload: proto.ClientPayload;
  transport: NoiseTransport;
}

/**
 * Responder side of Noise_XX_25519_AESGCM_SHA256 as WhatsApp Web uses it: the exact mirror of
 * Baileys' `makeNoiseHandler`. Every primitive comes from Baileys.
 */
export class NoiseResponder {
  private hash: Buffer;
  private salt: Buffer;
  private key: Buffer;
  private counter = 0;
  private readonly ephemeral: KeyPair = Curve.generateKeyPair();

  constructor(header: Uint8Array) {
    const mode = Buffer.from(NOISE_MODE);
    this.hash = mode.byteLength === 32 ? mode : sha256(mode);
    this.salt = this.hash;
    this.key = this.hash;
    this.authenticate(header);
  }

  /** Handles `clientHello` and returns the encoded `serverHello` handshake message. */
  respondToHello(clientHelloFrame: Uint8Array, serverStatic: KeyPair, certChain: Uint8Array): Uint8Array {
    const hello = proto.HandshakeMessage.decode(clientHelloFrame).clientHello;
    const clientEphemeral = hello?.ephemeral;
    if (!clientEphemeral || clientEphemeral.byteLength !== 32) {
      throw new Error('noise: clientHello without a 32-byte ephemeral key');
    }
    this.clientEphemeral = Buffer.from(clientEphemeral);
    this.authenticate(this.clientEphemeral);
    this.authenticate(this.ephemeral.public);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, this.clientEphemeral));
    const staticEnc = this.encrypt(serverStatic.public);
    this.mixIntoKey(Curve.sharedKey(serverStatic.private, this.clientEphemeral));
    const payloadEnc = this.encrypt(certChain);
    return proto.HandshakeMessage.encode({
      serverHello: { ephemeral: this.ephemeral.public, static: staticEnc, payload: payloadEnc },
    }).finish();
  }

  /** Handles `clientFinish`; after this the connection switches to the returned transport. */
  finish(clientFinishFrame: Uint8Array): HandshakeResult {
    const finish = proto.HandshakeMessage.decode(clientFinishFrame).clientFinish;
    if (!finish?.static || !finish.payload) {
      throw new Error('noise: clientFinish without static or payload');
    }
    const clientStatic = this.decrypt(finish.static);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, clientStatic));
    const payload = proto.ClientPayload.decode(this.decrypt(finish.payload));
    const keys = Buffer.from(hkdf(EMPTY, 64, { salt: this.salt, info: '' }));
    // The initiator encrypts with the first half and decrypts with the second; we mirror it.
    const transport = new NoiseTransport(keys.subarray(32), keys.subarray(0, 32));
    return { clientStatic, payload, transport };
  }

  private clientEphemeral: Buffer = EMPTY;

  private authenticate(data: Uint8Array): void {
    this.hash = sha256(Buffer.concat([this.hash, data]));
  }

  private encrypt(plaintext: Uint8Array): Buffer {
    const result = aesEncryptGCM(plaintext, this.key, ivFor(this.counter++), this.hash);
    this.authenticate(result);
    return result;
  }

  private decrypt(ciphertext: Uint8Array): Buffer {
    const result = aesDecryptGCM(ciphertext, this.key, ivFor(this.counter++), this.hash);
    this.authenticate(ciphertext);
    return result;
  }

  private mixIntoKey(data: Uint8Array): void {
    const derived = Buffer.from(hkdf(Buffer.from(data), 64, { salt: this.salt, info: '' }));
    this.salt = derived.subarray(0, 32);
    this.key = derived.subarray(32);
    this.counter = 0;
  }
}

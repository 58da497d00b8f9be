import QRCode from "qrcode";

export interface QrSnapshot {
  qr: string;
  /** PNG data URL of `qr`. */
  qrImage: string;
  expiresAt: string;
}

/** Baileys rotates refs after 60 s for the first QR and 20 s for each later one. */
export function qrLifetimeMs(index: number): number {
  return index === 0 ? 60_000 : 20_000;
}

export async function renderQr(qr: string, index: number, now = Date.now()): Promise<QrSnapshot> {
  const qrImage = await QRCode.toDataURL(qr, { errorCorrectionLevel: "L", margin: 2, width: 288 });
  return { qr, qrImage, expiresAt: new Date(now + qrLifetimeMs(index)).toISOString() };
}

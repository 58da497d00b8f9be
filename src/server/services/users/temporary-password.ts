import { randomInt } from "node:crypto";
import { hashPassword } from "../auth/password";

// No 0/O/1/l/I: an admin reads this password out or types it into a chat.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A one-time password an admin hands over; the account must replace it at the next sign-in. */
export async function temporaryPassword(): Promise<{ plain: string; hash: string }> {
  let plain = "";
  for (let i = 0; i < 14; i += 1) plain += ALPHABET[randomInt(ALPHABET.length)];
  return { plain, hash: await hashPassword(plain) };
}

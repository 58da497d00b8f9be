import type { Metadata } from "next";
import { getT } from "./server";
import type { PlainMessageKey } from "./types";

/** `export const generateMetadata = pageTitle("nav.devices")` — a localised <title> per page. */
export function pageTitle(key: PlainMessageKey): () => Promise<Metadata> {
  return async () => ({ title: (await getT())(key) });
}

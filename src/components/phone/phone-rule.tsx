"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import { parsePhone, type PhoneResult } from "@/lib/phone";

// The server's DEFAULT_COUNTRY_CODE, handed down by the app layout: the browser cannot read server env variables,
// and the "sends to" preview must read numbers exactly as the server will.
const CallingCodeContext = createContext<string | undefined>(undefined);

export function PhoneRuleProvider({ callingCode, children }: { callingCode: string; children: ReactNode }) {
  return <CallingCodeContext.Provider value={callingCode}>{children}</CallingCodeContext.Provider>;
}

/** The server's default calling code (undefined outside the app shell: parsePhone then uses its own default). */
export function usePhoneCallingCode(): string | undefined {
  return useContext(CallingCodeContext);
}

/** parsePhone with the server's default calling code. */
export function useParsePhone(): (input: string) => PhoneResult {
  const callingCode = useContext(CallingCodeContext);
  return useCallback((input: string) => parsePhone(input, callingCode), [callingCode]);
}

"use client";

import { Toaster as Sonner } from "sonner";

// Below the sticky header (3.5rem) and the sandbox banner, so a toast never covers the language switch or the user menu.
const BELOW_HEADER = { top: "6rem", right: "1rem" } as const;
const BELOW_HEADER_MOBILE = { top: "6rem", right: "0.75rem", left: "0.75rem" } as const;

export function Toaster() {
  return (
    <Sonner
      position="top-right"
      offset={BELOW_HEADER}
      mobileOffset={BELOW_HEADER_MOBILE}
      richColors
      closeButton
      toastOptions={{ classNames: { toast: "font-sans rounded-lg border shadow-lg" } }}
    />
  );
}

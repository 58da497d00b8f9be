"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface ClientViewer {
  id: number;
  username: string;
  email: string;
  fullName: string | null;
  role: "admin" | "user";
  avatar: string | null;
}

const ViewerContext = createContext<ClientViewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: ClientViewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** The signed-in account (checked by the server layout that renders the shell). */
export function useViewer(): ClientViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer() needs the app shell above it");
  return viewer;
}

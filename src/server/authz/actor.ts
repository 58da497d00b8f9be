/** Who is acting: every service that enforces ownership takes this plain type (admins bypass ownership). */
export type Actor = { id: number; role: "admin" | "user" };

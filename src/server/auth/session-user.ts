/** The signed-in user a session cookie names (checked against the database on every request). */
export interface SessionUser {
  id: number;
  role: "admin" | "user";
  sessionVersion: number;
}

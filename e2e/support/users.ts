export const E2E_USERS = {
  admin: { username: "admin", email: "admin@example.test", password: "admin-password-1", role: "admin", fullName: "Ada Admin" },
  user: { username: "user", email: "user@example.test", password: "user-password-1", role: "user", fullName: "Uma User" },
} as const;

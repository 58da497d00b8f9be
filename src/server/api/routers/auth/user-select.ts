export const profileSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  isActive: true,
  avatar: true,
  lastLogin: true,
  maxDevices: true,
  dailyMessageLimit: true,
  createdAt: true,
} as const;

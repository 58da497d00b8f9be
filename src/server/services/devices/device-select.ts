/** Every field a device returns to the API, with its owner. */
export const deviceSelect = {
  id: true,
  deviceId: true,
  deviceName: true,
  ownerId: true,
  phoneNumber: true,
  status: true,
  autoConnect: true,
  lastError: true,
  lastSeen: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, username: true, email: true } },
} as const;

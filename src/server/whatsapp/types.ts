/** What the WhatsApp layer needs to know about a device row. */
export interface DeviceRef {
  /** Device.id (database key). */
  id: number;
  /** Device.deviceId (public id used by the API and events). */
  deviceId: string;
  ownerId: number;
}

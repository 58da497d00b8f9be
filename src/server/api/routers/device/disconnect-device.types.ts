export { ZDeviceRefResponseSchema as ZDisconnectDeviceResponseSchema } from "./device-schema";

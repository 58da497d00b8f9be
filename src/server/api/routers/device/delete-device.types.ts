export { ZDeviceRefResponseSchema as ZDeleteDeviceResponseSchema } from "./device-schema";

export { ZDeviceRefResponseSchema as ZCancelAndWipeDeviceResponseSchema } from "./device-schema";

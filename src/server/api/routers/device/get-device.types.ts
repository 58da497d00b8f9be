import { ZDeviceSchema } from "./device-schema";

export const ZGetDeviceResponseSchema = ZDeviceSchema;

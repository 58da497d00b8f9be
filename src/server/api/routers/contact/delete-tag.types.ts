export { ZIdResponseSchema as ZDeleteTagResponseSchema } from "./contact-schema";

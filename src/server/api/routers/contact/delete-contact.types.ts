export { ZIdResponseSchema as ZDeleteContactResponseSchema } from "./contact-schema";

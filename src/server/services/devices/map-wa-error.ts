import { AppError } from "../../errors";
import { isWaError } from "../../whatsapp/errors";

/** Turns the WhatsApp layer's typed errors into AppError; anything else is rethrown untouched. */
export function mapWaError(error: unknown): never {
  if (isWaError(error, "DeviceNotConnectedError")) {
    throw new AppError("DEVICE_NOT_CONNECTED", "The device is not connected to WhatsApp; connect it first", { cause: error });
  }
  if (isWaError(error, "DeviceAlreadyConnectedError")) {
    throw new AppError("CONFLICT", "The device is already connected; disconnect it before pairing again", { cause: error });
  }
  if (isWaError(error, "ConnectionStoppedError")) {
    throw new AppError("CONFLICT", "The connection was stopped while the request was running; try again", { cause: error });
  }
  if (isWaError(error, "PairingError")) {
    throw new AppError("UNAVAILABLE", `WhatsApp did not answer: ${error.message}`, { cause: error });
  }
  if (isWaError(error, "DeviceUnavailableError")) {
    throw new AppError("UNAVAILABLE", "WhatsApp connections are not available on this server right now", { cause: error });
  }
  throw error;
}

import { createTRPCRouter } from "../../trpc";
import { assignDeviceRoute } from "./assign-device";
import { cancelAndWipeDeviceRoute } from "./cancel-and-wipe-device";
import { connectDeviceRoute } from "./connect-device";
import { createDeviceRoute } from "./create-device";
import { deleteDeviceRoute } from "./delete-device";
import { disconnectDeviceRoute } from "./disconnect-device";
import { getDeviceRoute } from "./get-device";
import { getDeviceQrRoute } from "./get-device-qr";
import { getDeviceQrImageRoute } from "./get-device-qr-image";
import { getDeviceStatusRoute } from "./get-device-status";
import { gettingStartedRoute } from "./getting-started";
import { listDevicesRoute } from "./list-devices";
import { requestPairingCodeRoute } from "./request-pairing-code";
import { getSendCapsRoute, setSendCapsRoute } from "./send-caps";

export const deviceRouter = createTRPCRouter({
  create: createDeviceRoute,
  assign: assignDeviceRoute,
  list: listDevicesRoute,
  get: getDeviceRoute,
  status: getDeviceStatusRoute,
  connect: connectDeviceRoute,
  disconnect: disconnectDeviceRoute,
  delete: deleteDeviceRoute,
  cancelAndWipe: cancelAndWipeDeviceRoute,
  qr: getDeviceQrRoute,
  qrImage: getDeviceQrImageRoute,
  pairingCode: requestPairingCodeRoute,
  gettingStarted: gettingStartedRoute,
  sendCaps: getSendCapsRoute,
  setSendCaps: setSendCapsRoute,
});

import type { Tour } from "../../scripts/demo/types";
import { CSR_REHOST, getLicenseFileFromPak, rehostWithDeviceTools } from "../steps/traditional";

/** Traditional Licensing: a license file from a PAK, then a rehost with the device tools standing in for the device. */
const traditional: Tour = {
  name: "traditional",
  title: "Traditional Licensing: PAK to license file, and a rehost",
  description: "fulfil a PAK to a new device and download the node-locked file, then move a license to another device with permission and rehost tickets",
  order: 60,
  async run({ page, shot, loginAs }) {
    await loginAs("admin@example.com");
    await getLicenseFileFromPak(page, shot);
    await rehostWithDeviceTools(page, CSR_REHOST, shot);
  },
};

export default traditional;

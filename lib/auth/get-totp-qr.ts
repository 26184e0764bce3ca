import QRCode from "qrcode";

/** The otpauth:// URI as a QR code, an SVG data URL ready for <img src>. */
export async function getTotpQr(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

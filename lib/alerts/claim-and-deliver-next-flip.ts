import { claimNextFlip } from "./claim-next-flip";
import { deliverFlip, type DeliveryReport } from "./deliver-flip";

/**
 * Claims the oldest unprocessed flip and delivers it before returning. Returns the delivery
 * report, or null when there was nothing to claim, so `while (await claimAndDeliverNextFlip())`
 * drains the queue. runSendalerts() uses the two steps separately to deliver concurrently.
 */
export async function claimAndDeliverNextFlip(): Promise<DeliveryReport | null> {
  const flip = await claimNextFlip();
  return flip ? deliverFlip(flip) : null;
}

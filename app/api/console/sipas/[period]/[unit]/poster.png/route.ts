import { sipasPosterResponse, type SipasPosterContext } from "@/app/api/console/_lib/sipas-poster-response";

/** A unit's SIPAS QR code as PNG, with its quiet zone (home affairs only). */
export async function GET(request: Request, context: SipasPosterContext) {
  return sipasPosterResponse(request, context, "png");
}

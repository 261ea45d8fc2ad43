import { sipasPosterResponse, type SipasPosterContext } from "@/app/api/console/_lib/sipas-poster-response";

/** A unit's SIPAS QR poster as an A4 PDF to print (home affairs only). */
export async function GET(request: Request, context: SipasPosterContext) {
  return sipasPosterResponse(request, context, "pdf");
}

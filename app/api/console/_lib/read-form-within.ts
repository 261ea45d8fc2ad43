/**
 * A multipart form read with a ceiling on its size: refused at once when its announced length is
 * over, and cut off while it streams when it has none (chunked) or lies — so no upload makes the
 * server hold more than `maxBytes` of it. null when the body was too large.
 */
export async function readFormWithin(request: Request, maxBytes: number): Promise<FormData | null> {
  const announced = request.headers.get("content-length");
  if (announced !== null && Number(announced) > maxBytes) return null;
  if (!request.body) return request.formData();
  let seen = 0;
  let tooLarge = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          tooLarge = true;
          controller.error(new Error("body larger than allowed"));
        } else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (tooLarge) return null;
    throw error;
  }
}

const encoder = new TextEncoder();

/**
 * A text stream pulled batch by batch: the next keyset query runs only when the reader asks for
 * more, so memory holds one batch whatever the table's size, and a slow client slows the queries.
 */
export function pulledStream(first: string, nextBatch: () => Promise<string[] | null>): ReadableStream<Uint8Array> {
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          if (first) {
            controller.enqueue(encoder.encode(first));
            return;
          }
        }
        const lines = await nextBatch();
        if (!lines) controller.close();
        else controller.enqueue(encoder.encode(lines.join("")));
      },
    },
    { highWaterMark: 1 },
  );
}

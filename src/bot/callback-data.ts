/**
 * Typed callback data (see src/callback-data.ts, shared with the services
 * that render buttons into outbox messages) and registering handlers for it.
 */
import type { Composer, Context, Filter } from "grammy";
import type { CallbackCodec, CallbackValues, FieldSpec } from "../callback-data.ts";

export * from "../callback-data.ts";

/**
 * Registers a handler for a codec's buttons. Data that matches the prefix
 * but does not unpack (forged, truncated) is answered with "this button no
 * longer works" and goes no further.
 */
export function onCallback<C extends Context, F extends Record<string, FieldSpec>>(
  composer: Composer<C>,
  codec: CallbackCodec<F>,
  handler: (ctx: Filter<C, "callback_query:data">, values: CallbackValues<F>) => unknown,
  refuse: (ctx: Filter<C, "callback_query:data">) => unknown,
): void {
  composer.callbackQuery(codec.pattern, async (ctx) => {
    const values = codec.unpack(ctx.callbackQuery.data);
    if (values === undefined) {
      await refuse(ctx);
      return;
    }
    await handler(ctx, values);
  });
}

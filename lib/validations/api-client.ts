import { z } from "./zod";
import { nameText } from "./fields";

/** Settings > API clients: create (a name to recognise it by) and revoke. */
export const createApiClientSchema = z.object({
  name: nameText(
    z.string({ error: "Name is required." }).trim().min(1, { error: "Name is required." }).max(100, { error: "Name must be at most 100 characters." }),
    "Name",
  ),
});
export type CreateApiClientFormValues = z.input<typeof createApiClientSchema>;

export const revokeApiClientSchema = z.object({ id: z.string().min(1).max(200) });

import { z } from "./zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, { error: "Enter your email." }).max(254),
  password: z.string().min(1, { error: "Enter your password." }).max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const newPasswordSchema = z
  .object({
    password: z
      .string()
      .min(12, { error: "Use at least 12 characters." })
      .max(1024, { error: "Use at most 1024 characters." }),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: "The passwords do not match.", path: ["confirm"] });

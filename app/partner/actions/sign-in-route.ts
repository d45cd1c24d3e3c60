"use server";
import { headers } from "next/headers";
import { publicAction } from "@/lib/safe-action";
import { partnerSignInRoute } from "@/lib/sso/sign-in-route";
import { signInEmailSchema } from "@/lib/validations/domains";

/** Partner sign-in, "Continue": to the partner's identity provider, or to the password step. */
export const partnerSignInRouteAction = publicAction(signInEmailSchema, async ({ email }, { db }) => partnerSignInRoute(db, email, await headers()));

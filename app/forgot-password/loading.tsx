import { CardSkeleton } from "@/components/auth/card-skeleton";

export default function Loading() {
  return <CardSkeleton label="Loading Forgot password" />;
}

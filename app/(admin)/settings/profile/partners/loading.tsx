import { PartnersTableSkeleton } from "@/components/partners/partners-table-skeleton";

export default function Loading() {
  return <PartnersTableSkeleton />;
}

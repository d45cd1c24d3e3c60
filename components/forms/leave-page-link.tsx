"use client";
import Link, { useLinkStatus } from "next/link";
import { useEffect } from "react";

/**
 * A link away from a page that holds a form. A dynamic page is fetched when its link is clicked
 * (unless its prefetch has already arrived), and until it arrives the page being left stays on
 * screen: without this, what someone types "at once" lands in the old page's form and vanishes
 * with it. So the page being left stops taking input (`inert`) the moment the navigation starts.
 */
export function LeavePageLink(props: React.ComponentProps<typeof Link>) {
  return (
    <Link {...props}>
      <InertWhileLeaving />
      {props.children}
    </Link>
  );
}

function InertWhileLeaving() {
  const { pending } = useLinkStatus();
  useEffect(() => {
    const main = pending ? document.querySelector("main") : null;
    if (!main) return;
    main.inert = true;
    return () => {
      main.inert = false;
    };
  }, [pending]);
  return null;
}

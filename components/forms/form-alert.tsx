import { cn } from "@/lib/utils";

/**
 * The box above a form that says what happened: an error (`role="alert"`, read out at once) or a
 * notice (`role="status"`). Used by every sign-in, password and partner form.
 */
export function FormAlert({ tone = "error", className, children }: { tone?: "error" | "notice"; className?: string; children: React.ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border p-3 text-sm",
        tone === "error" ? "border-destructive/40 bg-destructive/5 text-destructive" : "border-success-border bg-success text-success-foreground",
        className,
      )}
    >
      {children}
    </p>
  );
}

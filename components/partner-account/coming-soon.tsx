/** A page of the partner account that is not built yet: said plainly, so no link is dead. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="coming-soon-heading" className="space-y-2 rounded-md border border-dashed p-6">
      <h2 id="coming-soon-heading" className="text-lg font-semibold">
        Coming soon
      </h2>
      <p className="text-sm text-muted-foreground">
        {title} {children}
      </p>
    </section>
  );
}

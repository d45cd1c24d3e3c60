import { parseSupportInfo } from "@/lib/validations/branding";

/**
 * A partner's "Support Information" as text, or as its one https link: React escapes the text and
 * the href is a parsed https URL, so no HTML or script from the value ever reaches the page.
 */
export function SupportInfoText({ value, className }: { value: string; className?: string }) {
  const info = parseSupportInfo(value);
  if (info.kind === "text") return <span className={className}>{info.text}</span>;
  return (
    <a href={info.href} target="_blank" rel="noopener noreferrer" className={`${className ?? ""} font-medium text-primary underline underline-offset-4`}>
      {info.text}
    </a>
  );
}

"use client";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatFigure } from "./format";

export interface ChartPoint {
  label: string;
  value: number | null;
}

const AXIS = { stroke: "var(--color-muted-foreground)", fontSize: 12 };

/**
 * One series over time. The drawing is hidden from screen readers; the figure's caption summarises
 * it and a visually hidden table holds every point. Colours are CSS variables (--chart-N), which a
 * dark theme redefines.
 */
export function TimeChart({
  id,
  title,
  unit,
  points,
  summary,
  colour = 1,
  kind = "line",
}: {
  id: string;
  title: string;
  unit: string;
  points: ChartPoint[];
  summary: string;
  colour?: number;
  kind?: "line" | "bar";
}) {
  const stroke = `var(--chart-${colour})`;
  const data = points.map((p) => ({ label: p.label, value: p.value ?? 0 }));
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2 rounded-md border p-4" data-testid="report-chart">
      <figcaption id={`${id}-caption`}>
        <span className="block font-medium">{title}</span>
        <span className="block text-sm text-muted-foreground">{summary}</span>
      </figcaption>
      <div aria-hidden="true" className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {kind === "bar" ? (
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--color-border)" vertical={false} />
              <XAxis dataKey="label" tick={AXIS} stroke="var(--color-border)" />
              <YAxis tick={AXIS} stroke="var(--color-border)" width={56} allowDecimals={false} />
              <Tooltip contentStyle={{ background: "var(--color-background)", borderColor: "var(--color-border)" }} formatter={(v) => [`${formatFigure(Number(v))} ${unit}`, title]} />
              <Bar dataKey="value" fill={stroke} isAnimationActive={false} />
            </BarChart>
          ) : (
            <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--color-border)" vertical={false} />
              <XAxis dataKey="label" tick={AXIS} stroke="var(--color-border)" minTickGap={16} />
              <YAxis tick={AXIS} stroke="var(--color-border)" width={56} />
              <Tooltip contentStyle={{ background: "var(--color-background)", borderColor: "var(--color-border)" }} formatter={(v) => [`${formatFigure(Number(v))} ${unit}`, title]} />
              <Line dataKey="value" stroke={stroke} strokeWidth={2} dot={points.length <= 31} isAnimationActive={false} />
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      {/* sr-only on the wrapper: a table ignores width: 1px and would widen the page on a phone. */}
      <div className="sr-only">
        <table>
          <caption>{title}, every point</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">
                {title} ({unit})
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{formatFigure(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

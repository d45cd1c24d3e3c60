"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { createMetricAction } from "@/app/(admin)/settings/usage-metrics/actions/create-metric";
import { updateMetricAction } from "@/app/(admin)/settings/usage-metrics/actions/update-metric";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionDialog } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createMetricSchema, type MetricFormValues } from "@/lib/validations/usage-metric";
import { AGGREGATION_LABEL } from "./labels";

export interface MetricView {
  id: string;
  key: string;
  name: string;
  unit: string;
  aggregation: "sum" | "max";
  hasUsage: boolean;
}

const EMPTY: MetricFormValues = { key: "", name: "", unit: "", aggregation: "sum" };

/** "Add metric", or with `metric` its edit form: the key and the aggregation are fixed once usage is stored. */
export function MetricDialog({ metric }: { metric?: MetricView }) {
  const defaults: MetricFormValues = metric ? { key: metric.key, name: metric.name, unit: metric.unit, aggregation: metric.aggregation } : EMPTY;
  const form = useForm<MetricFormValues>({ resolver: zodResolver(createMetricSchema), defaultValues: defaults });
  const { open, setOpen, onSubmit } = useActionDialog(form, {
    empty: defaults,
    action: metric ? updateMetricAction : createMetricAction,
    input: (values) => (metric ? { ...values, id: metric.id } : values),
    success: (data) => `Usage metric "${data.name}" ${metric ? "saved" : "added"}.`,
  });
  const locked = metric?.hasUsage ?? false;
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `metric-${metric?.id ?? "new"}-${name}`;
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      trigger={
        metric ? (
          <Button variant="ghost" size="icon" aria-label={`Edit ${metric.name}`} title="Edit">
            <Pencil aria-hidden />
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden /> Add metric
          </Button>
        )
      }
      title={metric ? "Edit usage metric" : "Add metric"}
      description={
        locked
          ? "Usage is stored for this metric, so its key and aggregation are fixed. The name and unit may change."
          : "Integrators send usage under the key; partners see the name and unit in their reports."
      }
      onSubmit={onSubmit}
      submitting={isSubmitting}
      submitLabel="Save"
      submittingLabel="Saving…"
    >
      <FormField
        id={id("key")}
        label="Key"
        required
        hint={locked ? "Fixed: usage is stored under this key." : "Lowercase snake case, e.g. gb_transferred. Sent by integrators."}
        error={errors.key?.message}
      >
        {(aria) => <Input autoComplete="off" readOnly={locked} className="font-mono" {...aria} {...form.register("key")} />}
      </FormField>
      <FormField id={id("name")} label="Name" required hint='As reports show it, e.g. "Total GB transferred".' error={errors.name?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("name")} />}
      </FormField>
      <FormField id={id("unit")} label="Unit" required hint="e.g. GB, GB-hours, seats." error={errors.unit?.message}>
        {(aria) => <Input autoComplete="off" {...aria} {...form.register("unit")} />}
      </FormField>
      {locked ? (
        <p className="text-sm">
          <span className="font-medium">Aggregation:</span> {AGGREGATION_LABEL[metric!.aggregation]} (fixed: usage is stored)
        </p>
      ) : (
        <FormField id={id("aggregation")} label="Aggregation" required hint="How days and organisations add up in reports." error={errors.aggregation?.message}>
          {(aria) => (
            <select className="h-9 rounded-md border border-input bg-background px-2 text-sm" {...aria} {...form.register("aggregation")}>
              <option value="sum">{AGGREGATION_LABEL.sum}</option>
              <option value="max">{AGGREGATION_LABEL.max}</option>
            </select>
          )}
        </FormField>
      )}
    </FormDialog>
  );
}

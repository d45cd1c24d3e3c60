export const AGGREGATION_LABEL = {
  sum: "Sum (a total, e.g. GB transferred)",
  max: "Maximum (a peak, e.g. seats in use)",
} as const;

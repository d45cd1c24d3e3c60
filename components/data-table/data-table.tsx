"use client";
import { useTable, type ColumnDef, tableFeatures } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const coreFeatures = tableFeatures({});
export type CoreFeatures = typeof coreFeatures;

/**
 * A server-driven table: rows arrive already paged, sorted and filtered by the server, so the
 * table only lays them out. Header cells may carry `aria-sort` through `meta.ariaSort`.
 */
export function DataTable<Row extends object>({
  columns,
  data,
  caption,
  empty,
  getRowId,
}: {
  columns: ColumnDef<CoreFeatures, Row, any>[];
  data: Row[];
  caption: string;
  empty: React.ReactNode;
  getRowId: (row: Row) => string;
}) {
  const table = useTable({ features: coreFeatures, columns, data, getRowId: (row) => getRowId(row) });
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta as { ariaSort?: "ascending" | "descending" | "none" } | undefined;
              return (
                <TableHead key={header.id} scope="col" aria-sort={meta?.ariaSort}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
              {empty}
            </TableCell>
          </TableRow>
        ) : (
          table.getRowModel().rows.map((row) => (
            <TableRow key={row.id}>
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}

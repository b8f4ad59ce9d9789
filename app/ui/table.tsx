import type { HTMLAttributes, ReactNode, ThHTMLAttributes } from "react";

/**
 * One column of a `DataTable`: its header and how a row fills its cell. `rowHeader` makes the cell
 * the row's `<th scope="row">` (what a screen reader announces with each cell of the row).
 */
export type Column<R> = {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  rowHeader?: boolean;
  className?: string;
  /** More attributes of the column's header cell (`aria-sort` of a sortable column). */
  headerProps?: ThHTMLAttributes<HTMLTableCellElement>;
};

type DataTableProps<R> = {
  /** Said by screen readers; shown only with `showCaption`, since the page's heading usually says it. */
  caption: string;
  showCaption?: boolean;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & { "data-status"?: string };
  className?: string;
  testId?: string;
  /** Rows after the body (totals), with their own cells. */
  foot?: ReactNode;
};

/**
 * Every table of the app: a caption, column headers with their scope, and a frame that scrolls
 * sideways on a phone instead of widening the page (`.table-wrap`).
 */
export function DataTable<R>({ caption, showCaption, columns, rows, rowKey, empty, rowProps, className, testId, foot }: DataTableProps<R>) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className={className} data-testid={testId}>
        <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className} {...c.headerProps}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/** A cell's main text with a quieter line under it (a person and how to reach them, a plan and its date). */
export function Subtitled({ main, sub }: { main: ReactNode; sub: ReactNode }) {
  return (
    <>
      {main}
      <br />
      <small className="muted">{sub}</small>
    </>
  );
}

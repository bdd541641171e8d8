import type { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';

export interface LabelledRow {
  label: string;
  value: ReactNode;
}

/** A two-column label/value table, the body of the small cards. */
export function LabelledRows(props: {
  rows: LabelledRow[];
  'aria-label'?: string;
}) {
  return (
    <Table size="small" aria-label={props['aria-label']}>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.label}>
            <TableCell
              component="th"
              scope="row"
              style={{
                width: '35%',
                whiteSpace: 'nowrap',
                verticalAlign: 'top',
              }}
            >
              {row.label}
            </TableCell>
            <TableCell>{row.value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import type { ReactNode } from 'react';
import type { TableColumn } from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * A narrow, right-aligned count column for the rollup tables. The header is a short word
 * with the full meaning in its tooltip (and title, for assistive technology), and the column is not sortable: the sort arrow
 * alone costs as much room as the number. Without a fixed width material-table would
 * split the free room evenly, squeezing the text column that needs it.
 */
export function countColumn<T extends object>(column: {
  title: string;
  /** What the count means, shown on hover of the header. */
  description: string;
  field?: keyof T & string;
  render?: (row: T) => ReactNode;
}): TableColumn<T> {
  return {
    title: (
      <Tooltip title={column.description} placement="top">
        <span>{column.title}</span>
      </Tooltip>
    ),
    field: column.field,
    render: column.render,
    align: 'right',
    sorting: false,
    width: '88px',
    // One line: the short headers exist so that the numbers line up under them.
    headerStyle: { whiteSpace: 'nowrap' },
  };
}

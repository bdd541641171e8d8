import { useState } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** Which page of a backend-paged table is shown, and how to move to another. */
export interface TablePaging {
  page: number;
  pageSize: number;
  pageSizes: number[];
  setPage: (page: number) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

/**
 * Page state for a table paged by the backend: starts on the first page with the second
 * of `pageSizes` as the page size.
 */
export function useTablePaging(pageSizes: number[]): TablePaging {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(pageSizes[1]);
  return {
    page,
    pageSize,
    pageSizes,
    setPage,
    onPageChange: (newPage, newPageSize) => {
      setPage(newPage);
      setPageSize(newPageSize);
    },
  };
}

/**
 * A dense table showing one backend page of `total` rows, with a pager and a message
 * when the page is empty.
 */
export function PagedTable<T extends object>(props: {
  title: string;
  subtitle?: string;
  columns: TableColumn<T>[];
  items: T[];
  total: number;
  isLoading: boolean;
  paging: TablePaging;
  emptyMessage: string;
}) {
  const { paging } = props;
  return (
    <Table<T>
      title={props.title}
      subtitle={props.subtitle}
      columns={props.columns}
      data={props.items}
      isLoading={props.isLoading}
      page={paging.page}
      totalCount={props.total}
      onPageChange={paging.onPageChange}
      options={{
        paging: true,
        pageSize: paging.pageSize,
        pageSizeOptions: paging.pageSizes,
        search: false,
        sorting: false,
        padding: 'dense',
        // A short last page stays short instead of being padded with empty rows.
        emptyRowsWhenPaging: false,
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {props.emptyMessage}
        </Typography>
      }
    />
  );
}

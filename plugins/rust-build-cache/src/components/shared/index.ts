export { PagedTable, useTablePaging, type TablePaging } from './PagedTable';
export { DialogSubmitActions } from './DialogSubmitActions';
export { countColumn } from './countColumn';
